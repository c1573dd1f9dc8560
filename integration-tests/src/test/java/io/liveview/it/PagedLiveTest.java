package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import io.liveview.demo.CounterLive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Navigation within a view through LiveViewTest: what {@link NavigationTest} does in Chromium. */
class PagedLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(LiveViewServer.builder()
            .live("/paged", PagedLive::new).live("/counter", CounterLive::new)
            .group((params, session, socket) -> {
                if (params.require("id").equals("13")) {
                    socket.redirect("/forbidden");
                    return false;
                }
                return true;
            }, guarded -> guarded.live("/items/{id}", ItemPageLive::new))
            .secret("paged-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void linksPatchesAndPushPatchRunHandleParamsWithoutAMount() {
        TestPage page = APP.live("/paged?page=2");
        assertEquals("Page 2", page.text("#page"));
        page.click("#third");
        assertEquals("/paged?page=3", page.currentUrl());
        assertEquals("Page 3", page.title());
        page.click("#next");
        assertEquals("/paged?page=4", page.currentUrl(), "the view's pushPatch names the URL");
        assertEquals("Page 4", page.text("#page"));
        page.patch("/paged?page=1");
        assertEquals("Page 1", page.text("#page"));
        assertEquals("1", page.text("#mounts"), "one mount, many URLs");
        assertNull(page.redirectedTo());
    }

    @Test
    void anotherViewsUrlIsNotAPatch() {
        TestPage page = APP.live("/paged");
        assertEquals("other_view", assertThrows(LiveViewTest.ViewError.class, () -> page.patch("/counter")).reason());
        page.click("#leave");
        assertEquals("/counter", page.redirectedTo(), "a pushPatch to another view loads it");
    }

    @Test
    void aPatchToAnotherPathOfTheRouteMeetsTheGroupsHooksAgain() {
        TestPage page = APP.live("/items/1");
        page.patch("/items/2");
        assertEquals("/items/2", page.currentUrl());
        page.patch("/items/13");
        assertEquals("/forbidden", page.redirectedTo(), "the hook that guards item 13 halted the patch");
        TestPage paged = APP.live("/paged");
        assertEquals("bad_param", assertThrows(LiveViewTest.ViewError.class, () -> paged.patch("/paged?page=abc")).reason(),
                "a value that does not fit: the browser loads the URL and gets the 404");
        assertEquals("Page 1", paged.text("#page"), "the view is as it was");
    }
}
