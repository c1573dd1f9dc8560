package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.liveview.core.LiveViewServer;
import io.liveview.demo.DemoApp;
import io.undertow.Handlers;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo mounted under {@code /app} by an Undertow of the test's own, in Chromium. */
class EmbeddedTest extends BrowserTest {

    private Undertow app;
    private int port;

    @BeforeEach
    void mount() {
        server = SignInTest.withSignIn(DemoApp.configure(LiveViewServer.builder())).secret(SECRET).build();
        app = Undertow.builder()
                .addHttpListener(0, "localhost")
                .setHandler(Handlers.path(exchange -> exchange.getResponseSender().send("the app's own page"))
                        .addPrefixPath("/app", server.handler()))
                .build();
        app.start();
        port = ((InetSocketAddress) app.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterEach
    void stopApp() {
        app.stop();
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
        assertThat(page).hasURL(url("/todo"));
        page.navigate("http://localhost:" + port + "/counter");
        assertThat(page.locator("body")).hasText("the app's own page");
    }

    @Test
    void aGuardedPageRedirectsBelowThePrefixAndSigningInComesBack() {
        Page page = newPage();
        page.navigate(url("/members"));
        assertThat(page).hasURL(Pattern.compile("/app/sign-in\\?next=/members$"));
        page.locator("input[name=name]").fill("Ada");
        page.locator("button", new Page.LocatorOptions().setHasText("Sign in")).click();
        assertThat(page).hasURL(url("/members"));
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator("h1")).hasText("Hello, Ada");
    }
}
