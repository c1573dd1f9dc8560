package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code lv-update="append"}: the page keeps what the server no longer renders, and only gains. */
class AppendTest extends BrowserTest {

    private Page page;

    @BeforeEach
    void start() {
        startServer(0, SECRET, builder -> builder.live("/append-log", AppendLogLive::new));
        page = open("/append-log");
    }

    private void say(String text) {
        page.locator("input[name=text]").fill(text);
        page.locator("input[name=text]").press("Enter");
    }

    private Locator log() {
        return page.locator("#log li");
    }

    @Test
    void messagesAccumulateAlthoughTheServerRendersOnlyTheLastOne() {
        say("one");
        say("two");
        say("three");
        assertThat(log()).hasText(new String[] {"welcome", "one", "two", "three"});
    }

    @Test
    void aMessageSentAgainWithItsIdIsUpdatedInPlace() {
        say("one");
        page.locator("#edit-first").click();
        assertThat(log()).hasText(new String[] {"welcome (edited)", "one"});
        say("two");
        assertThat(log()).hasText(new String[] {"welcome (edited)", "one", "two"});
    }

    @Test
    void nodesAddedByTheBrowserSurvivePatches() {
        page.evaluate("document.getElementById('log').insertAdjacentHTML('beforeend', '<li id=\"local\">local note</li>')");
        say("one");
        assertThat(log()).hasText(new String[] {"welcome", "local note", "one"});
    }
}
