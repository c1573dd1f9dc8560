package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrashLoopTest extends BrowserTest {

    // The server refuses a view that crashed this many times within 30 s on one socket.
    private static final int CRASHES_BEFORE_REFUSAL = 3;
    private static final Pattern ERROR_STATE = Pattern.compile("(^|\\s)lv-error(\\s|$)");

    @BeforeEach
    void start() {
        CrashLoopLive.CONNECTED_MOUNTS.set(0);
        startServer(0, SECRET, builder -> builder.live("/crash-loop", CrashLoopLive::new));
    }

    @Test
    void aViewThatKeepsCrashingIsRejoinedUntilTheServerRefusesItAndThenLeftAlone() {
        Page page = newPage();
        // Not open(): the root may pass through lv-connected too briefly to be seen.
        page.navigate(url("/crash-loop"));
        Locator root = root(page);

        assertThat(root).hasClass(ERROR_STATE);
        String message = root.getAttribute("data-lv-error");
        assertNotNull(message, "the refused root carries the server's message");
        assertTrue(message.toLowerCase().contains("reload"), "the message tells the user to reload: " + message);
        assertEquals(CRASHES_BEFORE_REFUSAL, CrashLoopLive.CONNECTED_MOUNTS.get(), "one mount per accepted join");

        // The client rejoins a crashed view at once, so a rejoin that should not happen would show by now.
        page.waitForTimeout(2_000);
        assertEquals(CRASHES_BEFORE_REFUSAL, CrashLoopLive.CONNECTED_MOUNTS.get(), "a refused root is not joined again");
        assertThat(root).hasClass(ERROR_STATE);
        assertEquals(message, root.getAttribute("data-lv-error"));
    }
}
