package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The chat room, in-process. Each page keeps the messages posted since it opened. */
class ChatLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("chat-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    private static void post(TestPage page, String name, String text) {
        page.submit(".chat form", Map.of("name", name, "text", text));
    }

    @Test
    void aMessagePostedOnOnePageReachesEveryPageAndThePosterKeepsTheirName() {
        TestPage ada = APP.live("/chat");
        TestPage bob = APP.live("/chat");
        post(ada, "Ada", "Hello, Bob");
        // The poster hears its own broadcast too, after the reply to its submit.
        assertEquals(List.of("Ada Hello, Bob"), ada.sync().texts("ul.messages li"));
        assertEquals(List.of("Ada Hello, Bob"), bob.sync().texts("ul.messages li"));
        assertEquals("Ada", ada.element("input[name=name]").val());
        post(bob, "Bob", "Hi Ada");
        assertEquals(List.of("Ada Hello, Bob", "Bob Hi Ada"), ada.sync().texts("ul.messages li"));
        assertEquals("Chat", ada.title());
    }

    @Test
    void anEmptyMessageIsRefusedWithAReason() {
        TestPage ada = APP.live("/chat");
        post(ada, "Ada", "   ");
        assertEquals("A name and a message, please", ada.text(".error"));
        assertEquals(List.of(), ada.sync().texts("ul.messages li"));
        post(ada, "Ada", "Now with words");
        assertFalse(ada.has(".error"));
    }
}
