package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streams: the page holds the items, the view none of them once a render has sent them. */
class StreamsTest {

    private static LiveViewTest app;

    @BeforeAll
    static void build() {
        app = LiveViewTest.of(LiveViewServer.builder().secret("streams-test-secret").live("/streamed", StreamedLive::new));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    private static int held() {
        int count = 0;
        for (Object ignored : (StreamState) StreamedLive.last.get(StreamedLive.ITEMS.name())) {
            count++;
        }
        return count;
    }

    @Test
    void thePageKeepsWhatWasStreamedAndTheViewForgetsIt() {
        TestPage page = app.live("/streamed");
        assertEquals(numbers(1, 3), page.texts("#items li"));
        assertEquals(0, held(), "the join's render sent the mount's items");
        for (int i = 0; i < 100; i++) {
            page.click("#more");
            assertEquals(0, held());
        }
        assertEquals(10_003, page.texts("#items li").size());
        assertEquals("10003", page.text("#items li:last-child"));
        String order = page.element("#items").attr("lv-stream");
        assertEquals("{\"n\":101}", order, "one batch a render, nothing left over");
    }

    @Test
    void insertsGoWhereTheyAreToldAndDeletesAndResetsApply() {
        TestPage page = app.live("/streamed");
        page.click("#top");
        assertEquals(List.of("4", "1", "2", "3"), page.texts("#items li"));
        page.click("#drop");
        assertEquals(List.of("4", "1", "3"), page.texts("#items li"));
        page.click("#reset");
        assertEquals(List.of("5"), page.texts("#items li"));
    }

    @Test
    void theOrderAttributeSaysOnlyWhatABatchChanged() {
        StreamState state = new StreamState();
        assertEquals("{\"n\":0}", state.toString());
        state.insert("a", 1, -1, null);
        state.insert("b", 2, 0, 500);
        state.delete("c");
        assertEquals("{\"n\":1,\"del\":[\"c\"],\"at\":{\"b\":0},\"limit\":500}", state.toString());
        state.rendered();
        assertEquals("{\"n\":1}", state.toString());
        assertFalse(state.iterator().hasNext());
        state.reset();
        assertEquals("{\"n\":2,\"reset\":true}", state.toString());
    }

    @Test
    void badIdsAndPositionsAreRefused() {
        LiveStream<String> words = LiveStream.of("words", w -> w);
        Socket socket = new Socket("v", false, null);
        assertThrows(IllegalArgumentException.class, () -> socket.streamInsert(words, "two words"));
        assertThrows(IllegalArgumentException.class, () -> socket.streamInsert(words, ""));
        assertThrows(IllegalArgumentException.class, () -> socket.streamInsert(words, "a", -2));
        assertThrows(IllegalArgumentException.class, () -> socket.streamInsert(words, "a", 0, 0));
        assertTrue(socket.streamInsert(words, "a", 0, -3) == socket);
    }
}
