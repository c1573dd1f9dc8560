package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates read records' components, and everything else, as before {@link RecordAccessor}. */
class RecordAccessorTest {

    private final Renderer renderer = new Renderer(getClass().getClassLoader());

    /** Not public, as records nested in a view often are. */
    private record Item(int id, String name, Item parent) {
        public String label() {
            return "#" + id + " " + name;
        }

        public String getShout() {
            return name.toUpperCase();
        }
    }

    private record Failing(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("no value today");
        }
    }

    @Test
    void componentsBeanPropertiesMethodCallsAndNestingAllRead() {
        Item root = new Item(1, "root", null);
        String html = renderer.render("record-accessor", Map.of("item", new Item(2, "leaf", root), "items", List.of(root)), "");
        assertEquals("2|leaf|root|#2 leaf|LEAF|1|true", html.strip());
    }

    @Test
    void anAccessorThatThrowsNamesTheComponentAndTheCause() {
        Exception e = assertThrows(Exception.class,
                () -> renderer.render("record-accessor-failing", Map.of("failing", new Failing("x")), ""));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" / ");
        }
        assertTrue(messages.toString().contains("Failing.value() threw") && messages.toString().contains("no value today"), messages.toString());
    }
}
