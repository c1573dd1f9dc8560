package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stateful components: each renders alone, keeps its state, and takes its own events. */
class ComponentsTest {

    private static LiveViewTest app;

    @BeforeAll
    static void build() {
        app = LiveViewTest.of(LiveViewServer.builder().secret("components-test-secret").live("/board", BoardLive::new));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static List<String> names(TestPage page) {
        return page.texts("#cells .name");
    }

    @Test
    void componentsRenderInPlaceWithTheirNumber() {
        TestPage page = app.live("/board");
        assertEquals(List.of("item 1", "item 2", "item 3", "item 4", "item 5"), names(page));
        assertEquals(List.of("0", "0", "0", "0", "0"), page.texts("#cells .count"));
        assertEquals(5, page.element("#cells").select("> tr[lv-cid]").size());
        assertFalse(page.html().contains("lv:"), "no template attribute reaches the page");
    }

    @Test
    void anEventForAComponentRendersThatComponentAlone() {
        TestPage page = app.live("/board");
        int view = BoardLive.VIEW_RENDERS.get();
        int cells = BoardLive.CELL_RENDERS.get();
        page.click("#cell-3 .inc").click("#cell-3 .inc");
        assertEquals(List.of("0", "0", "2", "0", "0"), page.texts("#cells .count"));
        assertEquals(view, BoardLive.VIEW_RENDERS.get(), "the view did not render");
        assertEquals(cells + 2, BoardLive.CELL_RENDERS.get(), "one cell rendered, once per event");
    }

    @Test
    void theViewsRenderLeavesUnchangedComponentsAlone() {
        TestPage page = app.live("/board");
        page.click("#cell-1 .inc");
        int cells = BoardLive.CELL_RENDERS.get();
        page.click("#rename");
        assertEquals("Renamed", page.text("#title"));
        assertEquals(cells, BoardLive.CELL_RENDERS.get(), "what each cell was passed is equal to before");
        page.click("#relabel-4");
        assertEquals(cells + 1, BoardLive.CELL_RENDERS.get(), "only the cell passed a new item");
        assertEquals(List.of("item 1", "item 2", "item 3", "relabelled", "item 5"), names(page));
        assertEquals("1", page.text("#cell-1 .count"));
    }

    @Test
    void componentsKeepTheirStateThroughRemovalsInsertionsAndMoves() {
        TestPage page = app.live("/board");
        page.click("#cell-3 .inc").click("#cell-5 .inc").click("#cell-5 .inc");
        page.click("#drop-2");
        assertEquals(List.of("item 1", "item 3", "item 4", "item 5"), names(page));
        page.click("#add");
        assertEquals(List.of("0", "1", "0", "2", "0"), page.texts("#cells .count"));
        page.click("#reverse");
        assertEquals(List.of("item 6", "item 5", "item 4", "item 3", "item 1"), names(page));
        assertEquals(List.of("0", "2", "0", "1", "0"), page.texts("#cells .count"));
        page.click("#cell-6 .inc");
        assertEquals("1", page.text("#cell-6 .count"));
    }

    @Test
    void aDroppedComponentStartsAfreshWhenPlacedAgain() {
        TestPage page = app.live("/board");
        page.click("#cell-5 .inc").click("#reverse").click("#reverse");
        assertEquals("1", page.text("#cell-5 .count"), "moved, not remounted");
    }

    @Test
    void sendUpdateReachesTheComponentAndMissingOnesAreSkipped() {
        TestPage page = app.live("/board");
        page.click("#bump-4");
        assertEquals("10", page.text("#cell-4 .count"));
        page.click("#bump-9"); // no cell 9: a warning, nothing else
        page.click("#cell-4 .inc");
        assertEquals("11", page.text("#cell-4 .count"));
        page.click("#relay"); // cell 1's update sends cell 2 an update: both land in this reply
        assertEquals(List.of("0", "1", "0", "11", "0"), page.texts("#cells .count"));
    }

    @Test
    void aComponentTellsItsViewByMessage() {
        TestPage page = app.live("/board");
        page.click("#cell-2 .tell");
        page.sync();
        assertEquals("cell 2 says hello", page.text("#told"));
    }

    @Test
    void aTargetSelectorReachesTheComponentAroundTheElementItSelects() {
        TestPage page = app.live("/board");
        page.click("#inc-3");
        assertEquals("1", page.text("#cell-3 .count"));
    }

    @Test
    void anUnknownComponentEventIsAnErrorAndTheViewGoesOn() {
        TestPage page = app.live("/board");
        AssertionError e = assertThrows(AssertionError.class, () -> page.click("#cell-1 .nope"));
        assertTrue(e.getMessage().contains("unknown_event"), e.getMessage());
        page.click("#cell-1 .inc");
        assertEquals("1", page.text("#cell-1 .count"));
    }

    @Test
    void aComponentCrashEndsTheViewLikeTheViewsOwn() {
        TestPage page = app.live("/board");
        page.click("#cell-1 .inc");
        AssertionError e = assertThrows(AssertionError.class, () -> page.click("#cell-1 .boom"));
        assertTrue(e.getMessage().contains("exploded") || e.getMessage().contains("crash"), e.getMessage());
    }

    @Test
    void wholeRendersSendTheViewAndItsComponentsEachTime() {
        try (LiveViewTest whole = LiveViewTest.of(LiveViewServer.builder().secret("components-test-secret")
                .wholeRenders(true).live("/board", BoardLive::new))) {
            TestPage page = whole.live("/board");
            int view = BoardLive.VIEW_RENDERS.get();
            int cells = BoardLive.CELL_RENDERS.get();
            page.click("#cell-3 .inc").click("#drop-2");
            assertEquals(List.of("0", "1", "0", "0"), page.texts("#cells .count"));
            assertEquals(view + 2, BoardLive.VIEW_RENDERS.get(), "the view renders for a component's event too");
            assertEquals(cells + 5 + 4, BoardLive.CELL_RENDERS.get(), "and so does every component");
            page.click("#rename").click("#cell-3 .inc");
            assertEquals("Renamed", page.text("#title"));
            assertEquals("2", page.text("#cell-3 .count"));
        }
    }

    @Test
    void inDevModeAComponentsFailedRenderShowsInTheViewWhichStays() {
        try (LiveViewTest dev = LiveViewTest.of(LiveViewServer.builder().secret("components-test-secret")
                .devMode(true).live("/board", BoardLive::new))) {
            TestPage page = dev.live("/board");
            page.click("#cell-2 .break");
            assertTrue(page.has(".lv-dev-error"), page.html());
            assertTrue(page.text(".lv-dev-error").contains("noSuchProperty"), page.text(".lv-dev-error"));
            assertFalse(page.has("#cells"), "the box replaces the view's content");
            page.send("a message").sync(); // the view renders again: the broken cell still fails
            assertTrue(page.has(".lv-dev-error"));
        }
    }
}
