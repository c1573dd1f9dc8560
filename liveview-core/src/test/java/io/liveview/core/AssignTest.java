package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed assigns: the same variables as their names, read and updated without casts. */
class AssignTest {

    private static final Assign<Integer> COUNT = Assign.of("count");
    private static final Assign<List<String>> ITEMS = Assign.of("items");

    private final Socket socket = new Socket("lv-x", false, Socket.disconnected("lv-x"));

    @Test
    void aTypedAssignIsTheTemplateVariableOfItsName() {
        socket.assign(COUNT, 1).update(COUNT, n -> n + 41);
        int count = socket.get(COUNT);
        assertEquals(42, count);
        assertEquals(42, socket.assigns().get("count"));
        socket.assign(ITEMS, List.of("a"));
        assertEquals("a", socket.get(ITEMS).getFirst());
        assertTrue(socket.takeChanged(), "a typed write re-renders like any other");
    }

    @Test
    void updatingATypedAssignNeverSetIsRefusedByName() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> socket.update(COUNT, n -> n + 1));
        assertTrue(refused.getMessage().contains("'count'"), refused.getMessage());
        assertThrows(NullPointerException.class, () -> Assign.of(null));
    }
}
