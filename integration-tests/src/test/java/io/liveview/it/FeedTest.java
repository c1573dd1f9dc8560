package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's feed in Chromium: a stream, newest first, bounded to 500, whose items the page alone holds. */
class FeedTest extends BrowserTest {

    private static Locator entries(Page page) {
        return page.locator(".entries > li");
    }

    private static void assertEnds(Page page, String first, String last) {
        assertThat(entries(page).first().locator(".text")).hasText(first);
        assertThat(entries(page).last().locator(".text")).hasText(last);
    }

    @Test
    void entriesArriveNewestFirstDeletesLandWhereTheyShouldAndThePageKeepsTheNewest500() {
        startServer(0);
        Page page = open("/feed");
        assertThat(entries(page)).hasCount(20);
        assertEnds(page, "Entry 20", "Entry 1");

        page.click("#add");
        assertThat(entries(page)).hasCount(120);
        assertEnds(page, "Entry 120", "Entry 1");

        page.click("#entry-50 .delete");
        assertThat(entries(page)).hasCount(119);
        assertThat(page.locator("#entry-50")).hasCount(0);
        assertEquals(List.of("entry-52", "entry-51", "entry-49", "entry-48"),
                page.evaluate("[...document.querySelectorAll('.entries > li')].slice(68, 72).map(e => e.id)"));

        for (int i = 0; i < 5; i++) {
            page.click("#add");
            assertThat(page.locator("#made")).hasText(Pattern.compile("^" + (220 + 100 * i) + " made"));
        }
        assertThat(entries(page)).hasCount(500);
        assertEnds(page, "Entry 620", "Entry 121");
        assertEquals(500, page.evaluate("document.querySelector('.entries').children.length"), "no more nodes than the limit");
    }

    @Test
    void aViewThatResumesAfterABlipFindsThePageStillHoldingItsEntries() {
        startServer(0, SECRET, builder -> builder.resumeGrace(Duration.ofSeconds(20)));
        Page page = open("/feed");
        page.click("#add");
        assertThat(entries(page)).hasCount(120);

        page.evaluate("window.__lost = liveView.socket; liveView.socket.close()");
        awaitTrue(page, "liveView.socket !== window.__lost && liveView.isConnected()"); // a new socket, joined
        page.click("#add");
        assertThat(page.locator("#made")).hasText(Pattern.compile("^220 made"));
        assertThat(entries(page)).hasCount(220);
        assertEnds(page, "Entry 220", "Entry 1");
    }
}
