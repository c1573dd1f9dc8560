package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The todo list without a browser; each test gets a fresh app, so a fresh list. */
class TodoLiveTest {

    private final LiveViewTest app = LiveViewTest.of(App.routes(LiveViewServer.builder()));

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void addToggleAndDelete() {
        TestPage page = app.live("/todo");
        page.submit("form", Map.of("title", "Buy milk")).submit("form", Map.of("title", "Walk the dog"));
        assertEquals(List.of("Buy milk", "Walk the dog"), page.texts("li .title"));
        assertEquals("2 left", page.text(".left"));

        page.click("li:nth-child(1) [lv-click=toggle]");
        assertEquals("1 left", page.text(".left"));

        page.click("li:nth-child(2) [lv-click=delete]");
        assertEquals(List.of("Buy milk"), page.texts("li .title"));
    }

    @Test
    void anEmptyTitleIsRefusedWithAMessage() {
        TestPage page = app.live("/todo");
        page.submit("form", Map.of("title", "  "));
        assertEquals("Write something first", page.text(".error"));
        assertEquals(List.of(), page.texts("li"));
    }

    @Test
    void anotherOpenPageSeesTheChange() {
        TestPage first = app.live("/todo");
        TestPage second = app.live("/todo");
        first.submit("form", Map.of("title", "Shared"));
        second.awaitText("li .title", "Shared", Duration.ofSeconds(5));
    }
}
