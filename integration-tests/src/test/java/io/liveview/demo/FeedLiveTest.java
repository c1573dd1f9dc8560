package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The feed page, in-process: the stream's items as the page holds them. */
class FeedLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("feed-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    private static List<String> entries(int newest, int oldest) {
        return IntStream.iterate(newest, n -> n >= oldest, n -> n - 1).mapToObj(n -> "Entry " + n).toList();
    }

    @Test
    void entriesArriveNewestFirstAndTheNewest500Stay() {
        TestPage page = APP.live("/feed");
        assertEquals(entries(20, 1), page.texts(".entries .text"));
        page.click("#add");
        assertEquals(entries(120, 1), page.texts(".entries .text"));
        for (int i = 0; i < 5; i++) {
            page.click("#add");
        }
        assertEquals(entries(620, 121), page.texts(".entries .text"), "the oldest leave past 500");
        assertEquals("620 made; the newest 500 stay", page.text("#made"));
    }

    @Test
    void aDeletedEntryLeavesAndTheOthersKeepTheirOrder() {
        TestPage page = APP.live("/feed");
        page.click("#entry-7 .delete");
        List<String> left = page.texts(".entries .text");
        assertEquals(19, left.size());
        assertEquals(entries(20, 8), left.subList(0, 13));
        assertEquals(entries(6, 1), left.subList(13, 19));
    }
}
