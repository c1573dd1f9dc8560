package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Navigation to another live view in Chromium: lv-navigate links and pushNavigate swap the page in
 * over the same socket without a reload; the view left behind ends, the new one mounts once; back
 * and forward restore each view and its URL; what is not a live page of the site is loaded.
 */
class LiveNavigationTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        VisitLive.MOUNTS.clear();
        VisitLive.ENDED.clear();
        startServer(0, SECRET, builder -> builder.live("/visit/{name}", VisitLive::new));
        page = open("/visit/a");
        page.evaluate("window.__marker = 'same document'; window.__socket = liveView.socket");
    }

    private void assertSameDocumentAndSocket() {
        assertEquals(true, page.evaluate("window.__marker === 'same document' && window.__socket === liveView.socket"),
                "no reload, and the page's one socket is still the one it opened");
    }

    private void awaitEnded(String expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!VisitLive.ENDED.contains(expected) && Instant.now().isBefore(deadline)) {
            page.waitForTimeout(50);
        }
        assertTrue(VisitLive.ENDED.contains(expected), "ended: " + VisitLive.ENDED);
    }

    private void awaitJoined(String name) {
        assertThat(page.locator("#name")).hasText(name);
        awaitConnected();
    }

    /** Until the page's one live root is joined. */
    private void awaitConnected() {
        assertThat(page.locator("[data-lv-root]")).hasCount(1);
        awaitTrue(page, "liveView.isConnected()");
    }

    @Test
    void aNavigateLinkSwapsInAnotherViewOverTheSameSocketAndTheOldOneLeaves() {
        Object rootBefore = page.evaluate("document.querySelector('[data-lv-root]').id");
        page.click("#to-b");
        assertThat(page).hasURL(url("/visit/b"));
        awaitJoined("b");
        assertThat(page).hasTitle("Visit b");
        assertNotEquals(rootBefore, page.evaluate("document.querySelector('[data-lv-root]').id"));
        assertSameDocumentAndSocket();
        awaitEnded("a LEAVE");
        assertEquals(1, VisitLive.MOUNTS.get("b").get(), "the join adopted the instance the fetch's render mounted");
        assertEquals(1, page.locator("[data-lv-root]").count());

        page.click("#tab2"); // the new view patches as any view does
        assertThat(page).hasURL(url("/visit/b?tab=2"));
        assertThat(page.locator("#tab")).hasText("2");
        assertSameDocumentAndSocket();
    }

    @Test
    void backAndForwardRestoreEachViewAndItsUrlAndAReloadLandsOnTheSameState() {
        page.click("#tab2");
        assertThat(page.locator("#tab")).hasText("2");
        page.click("#to-b");
        awaitJoined("b");

        page.goBack();
        assertThat(page).hasURL(url("/visit/a?tab=2"));
        awaitJoined("a");
        assertThat(page.locator("#tab")).hasText("2");
        awaitEnded("b LEAVE");
        page.goBack(); // within view a: a patch, not another mount
        assertThat(page).hasURL(url("/visit/a"));
        assertThat(page.locator("#tab")).hasText("1");
        assertEquals(2, VisitLive.MOUNTS.get("a").get(), "a mounted at first and when back came to it, not for the patch");
        page.goForward();
        assertThat(page.locator("#tab")).hasText("2");
        page.goForward();
        assertThat(page).hasURL(url("/visit/b"));
        awaitJoined("b");
        assertSameDocumentAndSocket();

        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator("#name")).hasText("b");
    }

    @Test
    void pushNavigateTakesTheFlashAlong() {
        page.click("#push");
        assertThat(page).hasURL(url("/visit/c"));
        awaitJoined("c");
        assertThat(page.locator("[data-lv-flash=info]")).hasText("from a");
        assertSameDocumentAndSocket();
        page.click("[data-lv-flash=info]");
        assertThat(page.locator("[data-lv-flash]")).hasCount(0);
        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator("[data-lv-flash]")).hasCount(0);
    }

    @Test
    void aTargetThatRedirectsIsFollowedAndOneThatIsNoLivePageIsLoaded() {
        page.click("#private"); // signed out: /todo answers with a redirect to the sign-in page
        assertThat(page).hasURL(url("/login?next=/todo"));
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertSameDocumentAndSocket();

        page.goBack();
        awaitJoined("a");
        page.click("#missing");
        assertThat(page).hasURL(url("/nowhere"));
        assertThat(page.locator("body")).containsText("Page not found");
        assertEquals(null, page.evaluate("window.__marker"), "a page that is no live view is loaded as a link would be");
    }

    @Test
    void theDemoNavigatesBetweenItsPagesWithoutAReload() {
        open(page, "/counter");
        page.evaluate("window.__marker = 'same document'; window.__socket = liveView.socket");
        page.click("text=+");
        assertThat(page.locator("h1")).hasText("Count: 1");
        for (String name : List.of("Search", "Clock", "Chat", "Home", "Counter")) {
            page.click("nav >> text=" + name);
            assertThat(page).hasURL(url(switch (name) {
                case "Home" -> "/";
                default -> "/" + name.toLowerCase();
            }));
            awaitConnected();
        }
        assertThat(page).hasURL(url("/counter"));
        assertThat(page.locator("h1")).hasText("Count: 0");
        assertSameDocumentAndSocket();
        page.click("text=+");
        assertThat(page.locator("h1")).hasText("Count: 1");
    }
}
