package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo under the default security headers: nothing it does is blocked, and nobody can frame it. */
class SecurityHeadersTest extends BrowserTest {

    /** Records every CSP violation the page reports to its own scripts; injected by Playwright, so CSP does not apply. */
    static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + " document.addEventListener('securitypolicyviolation',"
            + " e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));";

    @Test
    void theDemoPagesRunUnderTheDefaultPolicyWithoutViolations() {
        startServer(0);
        Page page = newPage();
        page.addInitScript(RECORD_VIOLATIONS);
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                problems.add("console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));

        for (String path : new String[] {"/", "/login", "/dialog", "/sparkline", "/counter"}) {
            open(page, path);
            assertEquals(List.of(), page.evaluate("window.__cspViolations"), path);
        }
        Page.LocatorOptions plus = new Page.LocatorOptions().setHasText("+");
        page.locator("button", plus).click();
        page.locator("button", plus).click();
        assertThat(page.locator("h1")).hasText("Count: 2");
        assertEquals(List.of(), page.evaluate("window.__cspViolations"));
        signIn(page, "Ada");
        assertEquals(List.of(), page.evaluate("window.__cspViolations"), "/todo");
        assertEquals(List.of(), problems);

        // The listener does see a violation when there is one: an image from another origin.
        page.evaluate("() => { const img = new Image(); img.src = 'http://other.invalid/x.png'; document.body.append(img); }");
        page.waitForFunction("() => window.__cspViolations.length > 0");
        assertTrue(((List<?>) page.evaluate("window.__cspViolations")).getFirst().toString().startsWith("img-src"));
    }

    @Test
    void anotherOriginCannotFrameTheDemo() {
        startServer(0);
        assertEquals(0, framedHeadings(), "the framed demo must show nothing of itself");
    }

    @Test
    void withoutTheHeadersTheSameFrameShowsTheDemo() {
        // The control for the test above: the frame is only empty because of the headers.
        startServer(0, SECRET, builder -> builder.contentSecurityPolicy(null).frameOptions(null));
        assertEquals(1, framedHeadings());
    }

    /**
     * Frames the counter in a page of no origin of ours, waits for the frame's load event (which
     * fires for a blocked frame too) and counts the demo's headings the frame shows.
     */
    private int framedHeadings() {
        Page page = newPage();
        page.setContent("<iframe src='" + url("/counter") + "' onload='window.__framed = true'></iframe>");
        page.waitForFunction("() => window.__framed === true");
        Frame frame = page.locator("iframe").elementHandle().contentFrame();
        // The root is in the server's first render, so a loaded frame has it by its load event. (A
        // blocked frame shows the browser's error page instead, which has an h1 of its own.)
        return frame.locator("[data-lv-root] h1").count();
    }
}
