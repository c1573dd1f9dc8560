package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/crash", CrashLive::new));
    }

    @Test
    void aCrashingHandlerRemountsOnlyThatViewAndOtherTabsAreUntouched() {
        Page counter = open("/counter");
        counter.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        counter.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(counter.locator("h1")).hasText("Count: 2");

        Page crash = open("/crash");
        crash.locator("#click").click();
        assertThat(crash.locator("#clicks")).hasText("1");
        crash.evaluate("window.__marker = 'same page'");

        crash.locator("#boom").click();

        // Mounted afresh (state restarts from mount), on the same page, and working.
        assertThat(crash.locator("#clicks")).hasText("0");
        crash.locator("[data-lv-root].lv-connected").waitFor();
        crash.locator("#click").click();
        assertThat(crash.locator("#clicks")).hasText("1");
        assertEquals("same page", crash.evaluate("window.__marker"), "the crash did not reload the page");

        counter.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(counter.locator("h1")).hasText("Count: 3");
    }

    @Test
    void anUnknownEventLeavesTheViewWorking() {
        Page crash = open("/crash");
        crash.locator("#click").click();
        crash.locator("#unknown").click();
        crash.locator("#click").click();
        assertThat(crash.locator("#clicks")).hasText("2");
    }
}
