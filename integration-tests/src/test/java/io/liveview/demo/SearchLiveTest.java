package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The search page, in-process. */
class SearchLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("search-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void typingListsTheCountriesThatContainIt() {
        TestPage page = APP.live("/search");
        assertEquals(List.of(), page.texts(".matches li"), "nothing asked, nothing listed");
        page.change(".query", "q", "land");
        List<String> matches = page.texts(".matches li");
        assertTrue(matches.contains("Finland") && matches.contains("Iceland"), matches.toString());
        assertTrue(matches.stream().allMatch(c -> c.toLowerCase().contains("land")), matches.toString());
        page.change(".query", "q", "FRANCE");
        assertEquals(List.of("France"), page.texts(".matches li"), "case does not matter");
        assertEquals("1 found", page.text(".found"));
    }

    @Test
    void aCommonLetterListsTwentyAndCountsThemAll() {
        TestPage page = APP.live("/search");
        page.change(".query", "q", "a");
        assertEquals(20, page.texts(".matches li").size());
        assertTrue(Integer.parseInt(page.text(".found").split(" ")[0]) > 100, page.text(".found"));
    }
}
