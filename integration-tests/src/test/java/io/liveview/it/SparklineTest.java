package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's Sparkline hook (static/app.js) in Chromium: it sizes the view's data, draws it, redraws it and flashes. */
class SparklineTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        startServer(0);
        page = newPage();
        page.setViewportSize(1000, 600); // the body is 36rem wide: a 574 px canvas, 71 points of 8 px
        open(page, "/sparkline");
    }

    private Locator canvas() {
        return page.locator("#spark");
    }

    @Test
    void theHookAsksForAsManyPointsAsItsWidthFitsAndDrawsThem() {
        assertThat(canvas()).not().hasClass(Pattern.compile("waiting")); // the reply to "fit" came
        int slots = ((Number) page.evaluate("Math.floor(document.querySelector('#spark').clientWidth / 8)")).intValue();
        assertNotEquals(30, slots, "the test needs a width that asks for other than the first render's 30");
        assertEquals(slots, page.evaluate("document.querySelector('#spark').dataset.points.split(',').length"));
        assertNotEquals(0, page.evaluate("[...document.querySelector('#spark').getContext('2d')"
                + ".getImageData(0, 0, 300, 60).data].some(b => b !== 0) ? 1 : 0"), "something is drawn");
    }

    @Test
    void everyUpdateRedrawsAndANewHighFlashes() {
        String drawn = (String) page.evaluate("document.querySelector('#spark').toDataURL()");
        page.click("#spike");
        assertThat(page.locator("#latest")).hasText("100");
        assertThat(canvas()).hasClass(Pattern.compile("\\bpeak\\b"));
        assertNotEquals(drawn, page.evaluate("document.querySelector('#spark').toDataURL()"), "redrawn");
    }
}
