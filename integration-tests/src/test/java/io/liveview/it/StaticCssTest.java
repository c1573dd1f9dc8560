package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's look comes from /static/app.css, loaded under the default security headers. */
class StaticCssTest extends BrowserTest {

    @Test
    void theDemoIsStyledByItsStylesheetWithoutViolationsOrMissingFiles() {
        startServer(0);
        Page page = newPage();
        page.addInitScript(SecurityHeadersTest.RECORD_VIOLATIONS);
        List<String> failed = new ArrayList<>();
        List<Response> stylesheets = new ArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failed.add(response.status() + " " + response.url());
            }
            if (response.url().endsWith("/static/app.css")) {
                stylesheets.add(response);
            }
        });

        open(page, "/counter");

        // app.css sets max-width: 36rem on the body; without it a body has none.
        assertEquals("576px", page.evaluate("getComputedStyle(document.body).maxWidth"));
        assertEquals("system-ui, sans-serif", page.evaluate("getComputedStyle(document.body).fontFamily"));
        assertEquals(1, stylesheets.size());
        assertEquals(200, stylesheets.getFirst().status());
        assertTrue(stylesheets.getFirst().headerValue("content-type").startsWith("text/css"));
        assertEquals(List.of(), page.evaluate("window.__cspViolations"));
        assertEquals(List.of(), failed);
        assertEquals(0, page.locator("style").count(), "no inline stylesheet is left in the layout");
    }
}
