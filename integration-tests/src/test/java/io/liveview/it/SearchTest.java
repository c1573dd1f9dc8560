package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's search in Chromium: typed quickly, it asks once the typing pauses, and shows its loading state. */
class SearchTest extends BrowserTest {

    @Test
    void typingQuicklyAsksOnceThePausesCome() {
        startServer(0);
        Page page = open("/search");
        List<String> sent = new ArrayList<>();
        page.onWebSocket(ws -> ws.onFrameSent(frame -> sent.add(frame.text())));
        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();
        page.evaluate("""
                window.__loading = 0;
                new MutationObserver(() => document.querySelector('.query.lv-change-loading') && window.__loading++)
                    .observe(document, {subtree: true, attributes: true, attributeFilter: ['class']});""");

        page.locator("input[name=q]").pressSequentially("switz", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator(".matches li")).hasText(new String[] {"Switzerland"});
        assertThat(page.locator(".found")).hasText("1 found");
        long changes = sent.stream().filter(f -> f.contains("\"search\"")).count();
        assertTrue(changes < 5, "fewer questions than keys: " + changes);
        assertTrue(((Number) page.evaluate("window.__loading")).intValue() > 0, "the form showed its loading state");
    }
}
