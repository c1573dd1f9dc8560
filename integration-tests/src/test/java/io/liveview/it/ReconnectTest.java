package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
        assertThat(root(page)).hasClass(Pattern.compile("\\blv-connected\\b"));
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
        // Rejoined views mount afresh, as in Phoenix LiveView.
        assertThat(page.locator("h1")).hasText("Count: 0");
        plus(page).click();
        plus(page).click();
        assertThat(page.locator("h1")).hasText("Count: 2");
        assertEquals("same page", page.evaluate("window.__marker"));
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
