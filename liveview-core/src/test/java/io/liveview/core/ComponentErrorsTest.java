package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.diff.Differ;
import io.liveview.diff.Patch;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How components are placed, nested and refused, on {@link Components} and a real renderer. */
class ComponentErrorsTest {

    private final Renderer renderer = new Renderer(getClass().getClassLoader());
    private final Socket socket = new Socket("v1", true, Socket.disconnected("v1"));
    private final Components components = socket.components();
    private final Differ differ = new Differ();

    /** A view rendering one fragment of component-errors.html. */
    record Fragment(String name) implements LiveView {
        @Override
        public void mount(Params params, Session session, Socket socket) {
        }

        @Override
        public String template() {
            return "component-errors :: " + name;
        }
    }

    static final class Plain implements LiveComponent {
        @Override
        public String template() {
            return "component-errors :: plain";
        }
    }

    static final class TwoRoots implements LiveComponent {
        @Override
        public String template() {
            return "component-errors :: roots";
        }
    }

    static final class NotOne {
    }

    static final class Outer implements LiveComponent {
        @Override
        public void mount(ComponentSocket socket) {
            socket.assign("title", "outer");
        }

        @Override
        public String template() {
            return "component-errors :: outer";
        }
    }

    static final class Inner implements LiveComponent {
        @Override
        public void mount(ComponentSocket socket) {
            socket.assign("clicks", 0);
        }

        @Override
        public void handleEvent(String event, Payload payload, ComponentSocket socket) {
            socket.update("clicks", (Integer n) -> n + 1);
        }

        @Override
        public String template() {
            return "component-errors :: inner";
        }
    }

    private String whole(String fragment) throws Exception {
        String html = components.renderView(renderer, new Fragment(fragment), "");
        return components.whole(html, renderer, "", differ, Metrics.NONE.route(""));
    }

    private String failure(String fragment) {
        Exception e = assertThrows(Exception.class, () -> whole(fragment));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" / ");
        }
        return messages.toString();
    }

    @Test
    void aComponentRendersTheTagItIsPlacedOn() {
        String message = failure("wrong-tag");
        assertTrue(message.contains("Plain '1' is placed on a <li>, so its template component-errors :: plain renders one <li>"), message);
    }

    @Test
    void aComponentNeedsAnId() {
        String message = failure("no-id");
        assertTrue(message.contains("lv:component=\"Plain\" needs an lv:id"), message);
    }

    @Test
    void anUnknownClassNamesWhereItWasLookedFor() {
        String message = failure("unknown");
        assertTrue(message.contains("no such class; tried io.liveview.core.ComponentErrorsTest$Fragment$Nope, "
                + "io.liveview.core.ComponentErrorsTest$Nope, io.liveview.core.Nope, Nope"), message);
        message = failure("not-a-component");
        assertTrue(message.contains("ComponentErrorsTest$NotOne is not a LiveComponent"), message);
    }

    @Test
    void anIdIsPlacedOnce() {
        String message = failure("twice");
        assertTrue(message.contains("component Plain '1' is placed twice"), message);
    }

    @Test
    void aStreamsItemsCannotHoldComponents() {
        socket.stream(LiveStream.of("items", (Integer n) -> "item-" + n), java.util.List.of(1, 2));
        String message = failure("in-stream");
        assertTrue(message.contains("lv:component=\"Plain\" inside a stream container"), message);
    }

    @Test
    void aComponentRendersOneElement() {
        String message = failure("two-roots");
        assertTrue(message.contains("exactly one element"), message);
    }

    @Test
    void componentsPlaceComponentsAndEachRendersAlone() throws Exception {
        socket.assign("count", 2);
        assertEquals("<div><section lv-cid=\"1\"><h2>outer</h2><ol><li lv-cid=\"2\">inner 1: 0</li>"
                + "<li lv-cid=\"3\">inner 2: 0</li></ol></section></div>", whole("nested"));

        assertTrue(components.handleEvent(3, "click", null));
        Map<Integer, Patch> patches = components.renderComponents(renderer, "", differ, Metrics.NONE.route(""));
        assertEquals(Set.of(3), patches.keySet(), "the inner component alone");

        socket.assign("count", 3); // the view passes the outer one a new count: it places a third inner one
        String html = components.renderView(renderer, new Fragment("nested"), "");
        assertEquals("<div><section lv-cid=\"1\"></section></div>", html, "the view's render holds a placeholder");
        patches = components.renderComponents(renderer, "", differ, Metrics.NONE.route(""));
        assertEquals(Set.of(1), patches.keySet());
        Set<Integer> sent = new HashSet<>();
        String inserted = components.expand(patches.get(1), sent).ops().toString();
        assertTrue(inserted.contains("<li lv-cid=\\\"4\\\">inner 3: 0</li>") || inserted.contains("<li lv-cid=\"4\">inner 3: 0</li>"), inserted);
        assertEquals(Set.of(4), sent);
        components.roundDone();

        socket.assign("count", 1); // two inner ones go, and with them their state
        components.renderView(renderer, new Fragment("nested"), "");
        components.renderComponents(renderer, "", differ, Metrics.NONE.route(""));
        components.roundDone();
        assertTrue(components.handleEvent(2, "click", null));
        assertEquals(false, components.handleEvent(3, "click", null), "dropped");
    }
}
