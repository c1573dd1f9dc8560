package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0);
    }

    private static Locator plus(Page page) {
        return page.locator("button", new Page.LocatorOptions().setHasText("+"));
    }

    /** Records every class the root takes, so a short disconnected spell cannot be missed. */
    private static void recordStatus(Page page) {
        page.evaluate("""
                () => {
                  const root = document.querySelector('[data-lv-root]');
                  window.__states = [];
                  new MutationObserver(() => window.__states.push(root.className))
                    .observe(root, {attributes: true, attributeFilter: ['class']});
                }""");
    }

    private static void awaitDisconnectThenReconnect(Page page) {
        page.waitForFunction("() => window.__states.some(c => c.includes('lv-disconnected'))");
        // After a few failed attempts the client's backoff reaches seconds (up to 10 s, with jitter).
        assertThat(root(page)).hasClass(Pattern.compile("\\blv-connected\\b"),
                new LocatorAssertions.HasClassOptions().setTimeout(20_000));
    }

    @Test
    void aSocketDroppedByTheServerReconnectsAndRejoinsByItself() {
        Page page = open("/counter");
        page.evaluate("window.__marker = 'same page'");
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
        recordStatus(page);

        server.closeConnections();

        awaitDisconnectThenReconnect(page);
        // The view waited for its page: it resumes with its state, unlike Phoenix LiveView's remount.
        assertThat(page.locator("h1")).hasText("Count: 1");
        plus(page).click();
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 3");
        assertEquals("same page", page.evaluate("window.__marker"));
    }

    @Test
    void aBrowserOfflineForAFewSecondsComesBackToItsViewWithItsState() {
        Page page = open("/counter");
        page.evaluate("window.__marker = 'same page'");
        for (int i = 0; i < 5; i++) {
            plus(page).click();
        }
        assertThat(page.locator("h1")).hasText("Count: 5");
        recordStatus(page);

        page.context().setOffline(true);
        // Offline, the socket's heartbeat fails: close it now rather than wait 30 s for that.
        page.evaluate("liveView.socket.close()");
        assertThat(root(page)).hasClass(Pattern.compile("\\blv-disconnected\\b"));
        page.waitForTimeout(3_000);
        page.context().setOffline(false);

        awaitDisconnectThenReconnect(page);
        assertThat(page.locator("h1")).hasText("Count: 5");
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 6");
        assertEquals("same page", page.evaluate("window.__marker"), "no reload");
    }

    @Test
    void afterTheGracePeriodARejoinedViewMountsAfresh() {
        server.stop();
        startServer(0, SECRET, builder -> builder.resumeGrace(Duration.ofMillis(300)));
        Page page = open("/counter");
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
        recordStatus(page);

        page.context().setOffline(true);
        page.evaluate("liveView.socket.close()");
        page.waitForTimeout(1_500);
        page.context().setOffline(false);

        awaitDisconnectThenReconnect(page);
        assertThat(page.locator("h1")).hasText("Count: 0");
    }

    @Test
    void aRestartedServerWithTheSameKeyTakesThePageBack() {
        Page page = open("/counter");
        page.evaluate("window.__marker = 'same page'");
        int port = server.port();
        recordStatus(page);

        server.stop();
        assertThat(root(page)).hasClass(Pattern.compile("\\blv-disconnected\\b"));
        startServer(port);

        awaitDisconnectThenReconnect(page);
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
        assertEquals("same page", page.evaluate("window.__marker"), "no reload when the key is the same");
    }

    @Test
    void aServerWithANewKeyMakesThePageReloadOnceAndWork() {
        Page page = open("/counter");
        page.evaluate("window.__marker = 'old page'");
        AtomicInteger loads = new AtomicInteger();
        page.onLoad(p -> loads.incrementAndGet());
        int port = server.port();

        server.stop();
        assertThat(root(page)).hasClass(Pattern.compile("\\blv-disconnected\\b"));
        startServer(port, "another-key-entirely-9876543210", builder -> { });

        // The old token no longer verifies: the client reloads, gets fresh tokens, and joins.
        page.waitForCondition(() -> loads.get() >= 1);
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertEquals(1, loads.get(), "reloaded exactly once");
        assertNull(page.evaluate("window.__marker"));
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 1");
    }
}
