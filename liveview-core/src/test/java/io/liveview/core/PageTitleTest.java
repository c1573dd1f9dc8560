package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code socket.pageTitle}: in the first render's layout, then sent only when it changes. */
class PageTitleTest extends ServerTest {

    private int port;

    @BeforeEach
    void startServer() {
        port = start(b -> b.mountOnce(Duration.ZERO).title("Default title").live("/titled", TitledLive::new));
    }

    @Test
    void theFirstRenderHasTheViewsTitleAndOtherViewsTheDefault() throws Exception {
        assertEquals("Titled", TestClient.get(port, "/titled").document().title());
        assertEquals("Default title", TestClient.get(port, "/probe").document().title());
    }

    @Test
    void eventsAndMessagesCarryTheTitleOnlyWhenItChanges() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/titled");
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("Titled", client.join(page, true).get(3).get("title").asText(), "a join says what the page should show");
            assertFalse(client.event(page.viewId(), "inc").get(3).has("title"), "unchanged");
            assertFalse(client.event(page.viewId(), "rename", TestClient.values("title", "Titled")).get(3).has("title"),
                    "set again to what the page shows");
            assertEquals("Renamed", client.event(page.viewId(), "rename", TestClient.values("title", "Renamed")).get(3).get("title").asText());
            assertEquals("Default title", client.event(page.viewId(), "default").get(3).get("title").asText());

            assertEquals("ok", status(client.event(page.viewId(), "later", TestClient.values("title", "From a message"))));
            JsonNode push = client.nextPush();
            assertEquals("diff", push.get(2).asText());
            assertEquals("From a message", push.get(3).get("title").asText());
            assertFalse(push.get(3).has("patch"), "the view's own HTML did not change");
        }
    }
}
