package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lv-hook in Chromium: the app's hooks follow their elements, push events and hear the view's. */
class HooksTest extends BrowserTest {

    private Page page;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.layout("hooks-layout").live("/hooked", HookedLive::new));
        page = newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        open(page, "/hooked");
    }

    @SuppressWarnings("unchecked")
    private List<String> hookLog() {
        return (List<String>) page.evaluate("window.hookLog");
    }

    private void awaitLog(String line) {
        page.waitForFunction("line => window.hookLog.includes(line)", line);
    }

    @Test
    void aHookIsMountedUpdatedHearsPushedEventsAfterThePatchAndIsDestroyed() {
        awaitLog("mounted 0");
        page.click("#inc");
        awaitLog("highlight red at 1");
        assertEquals(List.of("mounted 0", "updated 1", "highlight red at 1"), hookLog(),
                "updated once the patch is in, the pushed event after it");
        page.click("#toggle");
        awaitLog("destroyed");
        page.click("#toggle");
        page.waitForFunction("() => window.hookLog.filter(l => l === 'mounted 1').length === 1");
        assertEquals(List.of("mounted 0", "updated 1", "highlight red at 1", "destroyed", "mounted 1"), hookLog());
    }

    @Test
    void aHookPushesAnEventAndGetsTheReply() {
        page.click("#pusher");
        assertThat(page.locator("#got")).hasText("got 7 (hook)");
        awaitLog("replied ok");
    }

    @Test
    void aHookRunsJsCommandsTheViewPushed() {
        page.click("#exec");
        assertThat(page.locator("#exec")).hasClass("ran");
        assertThat(page.locator("#got")).hasText("got 8 (hook)"); // the list's push, sent as the hook's event
    }

    @Test
    void hooksHearTheSocketGoAndComeBackAndAnUnknownHookIsReportedOnce() {
        awaitLog("mounted 0");
        server.closeConnections();
        awaitLog("disconnected");
        awaitLog("reconnected");
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertEquals(1, errors.stream().filter(e -> e.contains("no hook named Nope")).count(), errors.toString());
        assertTrue(hookLog().indexOf("disconnected") < hookLog().indexOf("reconnected"), hookLog().toString());
    }
}
