package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Form fields under typing: late replies never undo keystrokes, deliberate server values apply. */
class TypingTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/typing", TypingLive::new));
        page = open("/typing");
    }

    private Locator input() {
        return page.locator("input[name=q]");
    }

    private void type(String text) {
        input().pressSequentially(text, new Locator.PressSequentiallyOptions().setDelay(5));
    }

    @Test
    void repliesToOlderKeystrokesDoNotOverwriteWhatWasTypedSince() {
        input().focus();
        type("hello world");
        // Every keystroke was answered, each reply carrying the value the server saw then.
        assertThat(page.locator("#changes")).hasText("11");
        assertThat(page.locator("#echo")).hasText("hello world");
        assertThat(input()).hasValue("hello world");
        assertThat(input()).isFocused();
    }

    @Test
    void valuesTheServerSetsApplyEvenToTheFocusedField() {
        input().focus();
        type("abc");
        assertThat(page.locator("#changes")).hasText("3");
        page.locator("#shout").click();
        assertThat(input()).hasValue("ABC");
        page.locator("#clear").click();
        assertThat(input()).hasValue("");
        assertThat(page.locator("#echo")).hasText("");
        type("xy");
        assertThat(page.locator("#echo")).hasText("xy");
        assertThat(input()).hasValue("xy");
    }
}
