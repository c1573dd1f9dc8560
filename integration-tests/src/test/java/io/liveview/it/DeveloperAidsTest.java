package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's developer aids from the console: the latency simulator and the frame log, kept for the tab. */
class DeveloperAidsTest extends BrowserTest {

    @Test
    void theLatencySimulatorDelaysEveryFrameAndIsRememberedForTheTab() {
        startServer(0);
        Page page = open("/counter");
        page.evaluate("liveView.enableLatencySim(1000)");
        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();

        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        // Two seconds at least (a second each way) before the reply can land: the page still shows 0.
        assertThat(page.locator("h1")).hasText("Count: 0");
        assertThat(page.locator("button", new Page.LocatorOptions().setHasText("+"))).hasClass("lv-click-loading");
        assertThat(page.locator("h1")).hasText("Count: 1");

        page.evaluate("liveView.disableLatencySim()");
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(page.locator("h1")).hasText("Count: 2");
        assertEquals(null, page.evaluate("sessionStorage.getItem('lv-latency')"));
    }

    @Test
    void theFrameLogShowsWhatGoesEachWay() {
        startServer(0);
        Page page = open("/counter");
        List<String> debug = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.type().equals("debug")) {
                debug.add(message.text());
            }
        });
        page.evaluate("liveView.enableDebug()");
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
        page.waitForCondition(() -> debug.stream().anyMatch(line -> line.startsWith("liveview: received")));
        assertTrue(debug.stream().anyMatch(line -> line.startsWith("liveview: sent") && line.contains("\"inc\"")), debug.toString());
        page.evaluate("liveView.disableDebug()");
        int seen = debug.size();
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(page.locator("h1")).hasText("Count: 2");
        assertEquals(seen, debug.size(), "nothing logged once it is off");
    }
}
