package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CounterTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0);
    }

    @Test
    void firstPaintIsServerRenderedBeforeAnyScriptRuns() {
        Page page = newPage(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        page.navigate(url("/counter"));
        assertThat(page.locator("h1")).hasText("Count: 0");
    }

    @Test
    void clicksUpdateTheCountWithoutNavigating() {
        Page page = open("/counter");
        page.evaluate("window.__marker = 'still here'");
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        page.locator("button", new Page.LocatorOptions().setHasText("-")).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
        assertEquals("still here", page.evaluate("window.__marker"));
    }

    @Test
    void twentyRapidClicksCountExactlyTwenty() {
        Page page = open("/counter");
        Locator plus = page.locator("button", new Page.LocatorOptions().setHasText("+"));
        for (int i = 0; i < 20; i++) {
            plus.click();
        }
        assertThat(page.locator("h1")).hasText("Count: 20");
        // Nothing further arrives later: every reply is in, and the count stays put.
        page.waitForFunction("() => document.querySelectorAll('.lv-click-loading').length === 0");
        assertThat(page.locator("h1")).hasText("Count: 20");
    }
}
