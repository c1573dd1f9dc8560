package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Hook events both ways through LiveViewTest: what {@link HooksTest} does in Chromium. */
class HookedLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(LiveViewServer.builder()
            .live("/hooked", HookedLive::new).secret("hooked-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void pushedEventsAreReadAndAHookSendsEvents() {
        TestPage page = APP.live("/hooked");
        page.click("#inc").click("#inc");
        assertEquals(List.of(new TestPage.PushedEvent("highlight", "{\"color\":\"red\"}"),
                new TestPage.PushedEvent("highlight", "{\"color\":\"red\"}")), page.pushedEvents());
        page.hookEvent("#pusher", "from-hook", Map.of("n", "7"));
        assertEquals("got 7 (hook)", page.text("#got"));
        AssertionError unhooked = assertThrows(AssertionError.class, () -> page.hookEvent("#inc", "from-hook", Map.of()));
        assertTrue(unhooked.getMessage().contains("has no lv-hook"), unhooked.getMessage());
    }
}
