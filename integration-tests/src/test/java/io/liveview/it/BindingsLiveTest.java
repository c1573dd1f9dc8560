package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Key and focus bindings through LiveViewTest: the same events {@link BindingsTest} sends from Chromium. */
class BindingsLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(LiveViewServer.builder()
            .live("/bindings", BindingsLive::new).secret("bindings-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void keysCarryTheKeyTheFieldsValueAndTheElementsValues() {
        TestPage page = APP.live("/bindings");
        page.keydown("#search", "Enter").keyup("#keys", "x");
        assertEquals("search (keydown) key=Enter value= scope=all", page.texts("#log li").get(0));
        assertEquals("up (keyup) key=x value=", page.texts("#log li").get(1));
    }

    @Test
    void aKeyTheFilterLetsPassOnlyOrAnElementWithoutTheBindingFails() {
        TestPage page = APP.live("/bindings");
        AssertionError filtered = assertThrows(AssertionError.class, () -> page.keydown("#search", "a"));
        assertTrue(filtered.getMessage().contains("lets only 'Enter' through"), filtered.getMessage());
        AssertionError unbound = assertThrows(AssertionError.class, () -> page.keyup("#search", "a"));
        assertTrue(unbound.getMessage().contains("has lv-keyup"), unbound.getMessage());
        assertEquals(0, page.texts("#log li").size(), "nothing was sent");
    }

    @Test
    void focusAndBlur() {
        TestPage page = APP.live("/bindings");
        page.focus("#focusme").blur("#focusme");
        assertEquals("focused (focus)", page.texts("#log li").get(0));
        assertEquals("blurred (blur)", page.texts("#log li").get(1));
        AssertionError unbound = assertThrows(AssertionError.class, () -> page.focus("#outside"));
        assertTrue(unbound.getMessage().contains("has no lv-focus"), unbound.getMessage());
    }
}
