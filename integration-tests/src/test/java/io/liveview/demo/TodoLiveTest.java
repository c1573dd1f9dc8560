package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.Session;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The todo list's behaviour, in-process: validation, toggling, filters, per-user lists, pages in step. */
class TodoLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("todo-live-test"));

    /** Signed in as a user of this test's own: the store is shared by the class's tests. */
    private Session ada;

    @BeforeEach
    void signIn(TestInfo test) {
        ada = LiveViewTest.session(Map.of("user", "ada-" + test.getTestMethod().orElseThrow().getName()));
    }

    @AfterAll
    static void close() {
        APP.close();
    }

    private static TestPage add(TestPage page, String title) {
        return page.submit(".new-todo", Map.of("title", title));
    }

    private static List<String> titles(TestPage page) {
        return page.texts("ul.items li .title");
    }

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        assertEquals("/login?next=/todo", assertThrows(LiveViewTest.Redirected.class, () -> APP.live("/todo")).to());
        assertEquals("/login?next=/todo/1", assertThrows(LiveViewTest.Redirected.class, () -> APP.live("/todo/1")).to());
    }

    @Test
    void anEmptyOrTooLongTitleShowsAnInlineErrorAndAddsNothing() {
        TestPage page = APP.live("/todo", ada);
        add(page, "   ");
        assertEquals("Title can't be empty", page.text(".error"));
        add(page, "x".repeat(TodoLive.MAX_TITLE + 1));
        assertEquals("At most 200 characters, please", page.text(".error"));
        assertEquals(List.of(), titles(page));
        add(page, "Real task");
        assertFalse(page.has(".error"));
        assertEquals(List.of("Real task"), titles(page));
    }

    @Test
    void togglingAndDeletingCountWhatIsLeftInTheFooterAndTitle() {
        TestPage page = APP.live("/todo", ada);
        assertEquals("Todos", page.title());
        add(add(add(page, "One"), "Two"), "Three");
        assertEquals("3 items left", page.text("footer .left"));
        assertEquals("Todos (3 left)", page.title());

        page.click("#todo-2 input.toggle");
        assertEquals("done", page.element("#todo-2").className());
        assertTrue(page.element("#todo-2 input.toggle").hasAttr("checked"));
        assertEquals("2 items left", page.text("footer .left"));

        page.click("#todo-1 button.delete");
        assertEquals(List.of("Two", "Three"), titles(page));
        assertEquals("1 items left", page.text("footer .left"));
        assertEquals("Todos (1 left)", page.title());

        page.click("#todo-2 input.toggle");
        assertFalse(page.element("#todo-2").hasClass("done"));
        assertFalse(page.element("#todo-2 input.toggle").hasAttr("checked"));
        assertEquals("2 items left", page.text("footer .left"));
    }

    @Test
    void addingFlashesAConfirmationThatAClickOrTheNextFilterClears() {
        TestPage page = APP.live("/todo", LiveViewTest.session(Map.of("user", "flash-reader")));
        add(page, "Milk");
        assertEquals(Map.of("info", "Added “Milk”"), page.flash());
        page.click("[data-lv-flash=info]");
        assertEquals(Map.of(), page.flash(), "a click on the message clears it");
        add(page, "Bread").click(".filters a:contains(Active)");
        assertEquals(Map.of(), page.flash(), "moving to another URL clears it");
    }

    @Test
    void filtersShowActiveOrDoneItemsAndMarkTheirButton() {
        TestPage page = APP.live("/todo", ada);
        add(add(page, "One"), "Two").click("#todo-1 input.toggle");
        page.click(".filters a:contains(Active)");
        assertEquals(List.of("Two"), titles(page));
        assertEquals("/todo?filter=active", page.currentUrl(), "the filter is in the URL");
        assertEquals(List.of("One"), titles(APP.live("/todo?filter=done", ada)), "so a reload or a link lands on it");
        page.click(".filters a:contains(Done)");
        assertEquals(List.of("One"), titles(page));
        assertEquals("Done", page.text(".filters .selected"));
        page.click(".filters a:contains(All)");
        assertEquals(List.of("One", "Two"), titles(page));
        assertEquals("1 items left", page.text("footer .left"), "a filter hides items, it does not count them out");
    }

    @Test
    void eachUserSeesOnlyTheirOwnList() {
        TestPage mine = add(APP.live("/todo", ada), "Ada's task");
        Session bob = LiveViewTest.session(Map.of("user", "bob-" + ada.get("user").orElseThrow()));
        TestPage theirs = APP.live("/todo", bob);
        assertEquals(List.of(), titles(theirs));
        add(theirs, "Bob's task");
        assertEquals(List.of("Ada's task"), titles(mine.sync()));
        assertEquals(List.of("Ada's task"), titles(APP.live("/todo", ada)));
    }

    @Test
    void twoPagesOfOneUserStayInStep() {
        TestPage first = APP.live("/todo", ada);
        TestPage second = APP.live("/todo", ada);

        add(first, "Milk");
        assertEquals(List.of("Milk"), titles(second.sync()));
        add(second, "Bread");
        assertEquals(List.of("Milk", "Bread"), titles(first.sync()));
        second.click("#todo-1 input.toggle");
        first.sync();
        assertTrue(first.element("#todo-1").hasClass("done"));
        assertEquals("1 items left", first.text("footer .left"));
        assertEquals("Todos (1 left)", first.title());
        assertEquals("Todos (1 left)", second.title());
        first.click("#todo-2 button.delete");
        assertEquals(List.of("Milk"), titles(second.sync()));

        second.click(".filters a:contains(Active)");
        assertEquals(List.of(), titles(second));
        assertEquals(List.of("Milk"), titles(first.sync()), "filters are each page's own");
    }

    @Test
    void anItemIsRenamedOnItsOwnPageAndTheListFollows() {
        TestPage list = add(APP.live("/todo", ada), "Buy milk");
        TestPage item = APP.live("/todo/1", ada);
        assertEquals("Edit: Buy milk", item.title());
        assertEquals("Buy milk", item.element(".edit-todo input[name=title]").val());
        item.submit(".edit-todo", Map.of("title", "   "));
        assertEquals("A title of 1 to 200 characters, please", item.text(".error"));
        item.submit(".edit-todo", Map.of("title", "Buy oat milk"));
        assertEquals("/todo", item.redirectedTo());
        assertTrue(item.navigated(), "back to the list without a full load");
        TestPage back = item.follow();
        assertEquals(List.of("Buy oat milk"), titles(back));
        assertEquals(Map.of("info", "Saved “Buy oat milk”"), back.flash());
        assertEquals(List.of("Buy oat milk"), titles(list.sync()));
    }

    @Test
    void anotherUsersItemAndAMalformedIdAreNotFound() {
        add(APP.live("/todo", ada), "Private");
        Session bob = LiveViewTest.session(Map.of("user", "bob-" + ada.get("user").orElseThrow()));
        AssertionError missing = assertThrows(AssertionError.class, () -> APP.live("/todo/1", bob));
        assertTrue(missing.getMessage().contains("not found (404): no item 1"), missing.getMessage());
        assertThrows(AssertionError.class, () -> APP.live("/todo/abc", ada));
    }
}
