package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatTest extends BrowserTest {

    @BeforeEach
    void start() {
        startServer(0);
    }

    /** The chat's messages, one item each. */
    static Locator messages(Page page) {
        return page.locator("ul.messages li");
    }

    /** Posts a message and waits for its reply, which clears the text field. */
    static void post(Page page, String name, String text) {
        page.locator("input[name=name]").fill(name);
        page.locator("input[name=text]").fill(text);
        page.locator("input[name=text]").press("Enter");
        assertThat(page.locator("input[name=text]")).hasValue("");
    }

    @Test
    void aMessagePostedInOneBrowserAppearsInEveryOther() {
        Page ada = open("/chat");
        Page bob = open("/chat");
        post(ada, "Ada", "Hello, Bob");
        assertThat(messages(bob)).hasText(new String[] {"Ada Hello, Bob"});
        assertThat(messages(ada)).hasText(new String[] {"Ada Hello, Bob"});
        assertThat(ada.locator("input[name=text]")).hasValue("");
        assertThat(ada.locator("input[name=name]")).hasValue("Ada");
        post(bob, "Bob", "Hi Ada");
        assertThat(messages(ada)).hasText(new String[] {"Ada Hello, Bob", "Bob Hi Ada"});
    }

    @Test
    void anIncomingMessageNeverClearsAHalfTypedOne() {
        Page ada = open("/chat");
        Page bob = open("/chat");
        bob.locator("input[name=name]").fill("Bob");
        bob.locator("input[name=text]").fill("I was just about to s");
        post(ada, "Ada", "Anyone here?");
        assertThat(messages(bob)).hasText(new String[] {"Ada Anyone here?"});
        assertThat(bob.locator("input[name=text]")).hasValue("I was just about to s");
        assertThat(bob.locator("input[name=name]")).hasValue("Bob");
    }
}
