package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Form recovery: a view mounted afresh after a reconnect gets back what the user had typed. */
class FormRecoveryTest extends BrowserTest {

    @Test
    void aViewMountedAfreshAfterAReconnectGetsTheTypedTextBack() {
        // No resume: a lost socket's view is gone at once, so the rejoin mounts a new instance.
        startServer(0, SECRET, builder -> builder.resumeGrace(Duration.ZERO).live("/typing", TypingLive::new));
        Page page = open("/typing");
        page.locator("input[name=q]").fill("half a thought");
        assertThat(page.locator("#echo")).hasText("half a thought");
        page.evaluate("window.__marker = 'same document'; window.__oldSocket = window.liveView.socket");

        server.closeConnections();
        page.waitForFunction("() => window.liveView.socket !== window.__oldSocket && window.liveView.isConnected()");

        assertThat(page.locator("#echo")).hasText("half a thought"); // the new view heard the recovered change
        assertThat(page.locator("input[name=q]")).hasValue("half a thought");
        assertThat(page.locator("#changes")).hasText("1"); // fresh state: one change, the recovery's
        assertEquals("same document", page.evaluate("window.__marker"));
    }
}
