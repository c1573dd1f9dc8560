package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.liveview.core.HostApp;
import io.liveview.core.LiveViewServer;
import io.liveview.demo.DemoApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo mounted under {@code /app} by an Undertow of the test's own, in Chromium. */
class EmbeddedTest extends BrowserTest {

    private HostApp app;
    private int port;

    @BeforeEach
    void mount() {
        server = SignInTest.withSignIn(DemoApp.configure(LiveViewServer.builder())).secret(SECRET).build();
        app = new HostApp("/app", server.handler(), "the app's own page at");
        port = app.port();
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    /** The address of a path of the mounted server. */
    @Override
    protected String url(String path) {
        return "http://localhost:" + port + "/app" + path;
    }

    @Test
    void theMountedCounterIsStyledAndLiveOverItsSocket() {
        Page page = open("/counter");
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        page.locator("button", new Page.LocatorOptions().setHasText("+")).click();
        assertThat(page.locator("h1")).hasText("Count: 2");
        // app.css sets max-width: 36rem on the body: the stylesheet's link carries the prefix.
        assertEquals("576px", page.evaluate("getComputedStyle(document.body).maxWidth"));

        page.locator("nav a", new Page.LocatorOptions().setHasText("Todos")).click();
        // The todo list is behind sign-in: the guard's redirect stays below the prefix too.
        assertThat(page).hasURL(url("/login?next=/todo"));
        page.navigate("http://localhost:" + port + "/counter");
        assertThat(page.locator("body")).hasText("the app's own page at /counter");
    }

    @Test
    void aGuardedPageRedirectsBelowThePrefixAndSigningInComesBack() {
        SignInTest.signInThroughTheGuard(newPage(), this::url);
    }
}
