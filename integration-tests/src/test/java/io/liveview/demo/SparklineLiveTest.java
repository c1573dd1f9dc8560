package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The sparkline page, in-process: the events its hook sends and the one it hears. */
class SparklineLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("sparkline-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    private static int points(TestPage page) {
        return page.element("#spark").attr("data-points").split(",").length;
    }

    @Test
    void theHookSaysHowManyPointsFitAndTheViewShowsThatMany() {
        TestPage page = APP.live("/sparkline");
        assertEquals(30, points(page));
        page.hookEvent("#spark", "fit", Map.of("slots", "12"));
        assertEquals(12, points(page));
        page.hookEvent("#spark", "fit", Map.of("slots", "50"));
        assertEquals(50, points(page), "made up before the first");
        page.send("tick");
        assertEquals(50, points(page), "a new sample pushes out the oldest");
    }

    @Test
    void aSpikeIsTheLatestSampleAndANewHighIsPushedToTheHook() {
        TestPage page = APP.live("/sparkline");
        page.click("#spike");
        assertEquals("100", page.text("#latest"));
        assertTrue(page.element("#spark").attr("data-points").endsWith(",100"));
        assertTrue(page.pushedEvents().contains(new TestPage.PushedEvent("peak", "{\"value\":100}")), page.pushedEvents().toString());
        int peaks = page.pushedEvents().size();
        page.click("#spike");
        assertEquals(peaks, page.pushedEvents().stream().filter(e -> e.name().equals("peak")).count(),
                "100 again is no new high");
    }
}
