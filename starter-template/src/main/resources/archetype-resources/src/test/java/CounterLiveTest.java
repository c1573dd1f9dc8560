package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The counter without a browser: the real view, template and diffs, in milliseconds. */
class CounterLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(App.routes(LiveViewServer.builder()));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void plusAndMinusCount() {
        TestPage page = APP.live("/counter");
        assertEquals("0", page.text(".count"));

        page.click("[lv-click=inc]").click("[lv-click=inc]").click("[lv-click=dec]");

        assertEquals("1", page.text(".count"));
    }
}
