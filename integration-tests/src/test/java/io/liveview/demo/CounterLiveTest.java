package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The counter, in-process. */
class CounterLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("counter-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void plusAndMinusCount() {
        TestPage page = APP.live("/counter");
        assertEquals("Count: 0", page.text("h1"));
        page.click("[lv-click=inc]").click("[lv-click=inc]").click("[lv-click=dec]");
        assertEquals("Count: 1", page.text("h1"));
    }

    @Test
    void eachPageHasACountOfItsOwn() {
        TestPage first = APP.live("/counter");
        TestPage second = APP.live("/counter");
        first.click("[lv-click=inc]").click("[lv-click=inc]");
        second.click("[lv-click=dec]");
        assertEquals("Count: 2", first.text("h1"));
        assertEquals("Count: -1", second.text("h1"));
    }
}
