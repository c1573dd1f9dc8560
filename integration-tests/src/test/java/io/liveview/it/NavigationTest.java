package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live navigation within a view in Chromium: lv-patch links, pushPatch, back and forward, reload. */
class NavigationTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/paged", PagedLive::new));
        page = open("/paged");
        page.evaluate("window.__marker = 'same document'");
    }

    private void assertStillTheSameDocument() {
        assertEquals("same document", page.evaluate("window.__marker"));
        assertThat(page.locator("#mounts")).hasText("1");
    }

    @Test
    void linksAndPushPatchChangeTheUrlAndBackAndForwardFollowWithoutAReload() {
        page.click("#third");
        assertThat(page).hasURL(url("/paged?page=3"));
        assertThat(page.locator("#page")).hasText("Page 3");
        assertThat(page).hasTitle("Page 3");

        page.click("#next");
        assertThat(page).hasURL(url("/paged?page=4"));
        assertThat(page.locator("#page")).hasText("Page 4");

        page.goBack();
        assertThat(page).hasURL(url("/paged?page=3"));
        assertThat(page.locator("#page")).hasText("Page 3");
        page.goBack();
        assertThat(page.locator("#page")).hasText("Page 1");
        page.goForward();
        assertThat(page.locator("#page")).hasText("Page 3");
        assertStillTheSameDocument();

        page.reload();
        page.locator("[data-lv-root].lv-connected").waitFor();
        assertThat(page.locator("#page")).hasText("Page 3");
    }

    @Test
    void aLinkOrPushPatchToAnotherViewLoadsIt() {
        page.click("#counter");
        assertThat(page).hasURL(url("/counter"));
        assertThat(page.locator("h1")).hasText("Count: 0");

        open(page, "/paged");
        page.click("#leave");
        assertThat(page).hasURL(url("/counter"));
        assertThat(page.locator("h1")).hasText("Count: 0");
    }
}
