package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The contacts page, in-process: the dialog's commands are the browser's, its form's events the view's. */
class DialogLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("dialog-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void openingTheDialogSendsNothingAndSavingListsTheContact() {
        TestPage page = APP.live("/dialog");
        String before = page.html();
        page.click("#open-dialog").click(".cancel");
        assertEquals(before, page.html(), "show, focus and close are the browser's alone");
        page.submit("#new-contact form", Map.of("name", "Ada", "email", "ada@example.com"));
        assertEquals(List.of("Ada ada@example.com"), page.texts(".entries li"));
        assertFalse(page.has(".empty"));
    }

    @Test
    void anAddressAlreadyListedIsFlaggedAsItIsTypedAndNotSavedTwice() {
        TestPage page = APP.live("/dialog");
        page.submit("#new-contact form", Map.of("name", "Ada", "email", "ada@example.com"));
        page.change("#new-contact form", "email", "ADA@example.com");
        assertEquals("ADA@example.com is in your contacts already", page.text(".error"));
        assertTrue(page.has("#new-contact.dialog.invalid button[type=submit][disabled]"));
        page.change("#new-contact form", "email", "grace@example.com");
        assertFalse(page.has(".invalid") || page.has(".error"));
        page.submit("#new-contact form", Map.of("name", "Ada again", "email", "ada@example.com"));
        assertEquals(List.of("Ada ada@example.com"), page.texts(".entries li"), "saved once");
    }
}
