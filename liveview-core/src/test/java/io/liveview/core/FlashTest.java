package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flash: shown by core's fragment, cleared by a click, carried across a redirect in a signed cookie once. */
class FlashTest extends ServerTest {

    private int port;

    @BeforeEach
    void startServer() {
        port = start(b -> b.mountOnce(Duration.ZERO).live("/flash", FlashLive::new));
    }

    @Test
    void aFlashCookieIsForItsSessionOnlyAndCannotBeForged() {
        for (boolean encrypted : new boolean[] {false, true}) {
            Tokens tokens = new Tokens("flash-test-secret".getBytes(), encrypted, Duration.ofHours(1), Clock.systemUTC(),
                    new com.fasterxml.jackson.databind.ObjectMapper());
            String value = tokens.signFlash(Map.of("info", "Saved"), "session-a");
            assertEquals(Map.of("info", "Saved"), tokens.verifyFlash(value, "session-a"));
            assertEquals(Map.of(), tokens.verifyFlash(value, "session-b"), "another session's flash shows nothing");
            assertEquals(Map.of(), tokens.verifyFlash(value.substring(0, value.length() - 2) + "AA", "session-a"), "tampered");
            assertEquals(Map.of(), tokens.verifyFlash("garbage", "session-a"));
        }
    }

    @Test
    void aRedirectCarriesTheFlashWhichTheNextFirstRenderShowsOnceAndAClickClears() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/flash");
        String flashToken;
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("ok", status(client.join(page, true)));
            JsonNode note = client.event(page.viewId(), "note");
            assertTrue(note.get(3).get("patch").toString().contains("Careful"), note.toString());
            JsonNode cleared = client.event(page.viewId(), Socket.CLEAR_FLASH_EVENT, TestClient.values("kind", "error"));
            assertTrue(cleared.get(3).has("patch"), "a click on the message clears it: " + cleared);
            JsonNode saved = client.event(page.viewId(), "save");
            assertEquals("/flash", saved.get(3).get("redirect").asText());
            assertFalse(saved.get(3).has("live"), "socket.redirect is a full load: " + saved);
            flashToken = saved.get(3).get("flash").asText();
        }
        HttpResponse<String> next = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/flash"))
                .header("Cookie", page.cookie() + "; " + LiveViewServer.FLASH_COOKIE + "=" + flashToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("Saved", Jsoup.parse(next.body()).select("[data-lv-flash=info]").text());
        assertTrue(next.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(LiveViewServer.FLASH_COOKIE + "=;")),
                "the cookie is cleared: " + next.headers().allValues("Set-Cookie"));
        TestClient.LivePage stranger = TestClient.get(port, "/flash");
        HttpResponse<String> replayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/flash"))
                .header("Cookie", stranger.cookie() + "; " + LiveViewServer.FLASH_COOKIE + "=" + flashToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(0, Jsoup.parse(replayed.body()).select("[data-lv-flash]").size(), "not in another session");
    }

    @Test
    void aLiveNavigationSaysSoAndCarriesTheFlash() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/flash");
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("ok", status(client.join(page, true)));
            JsonNode reply = client.event(page.viewId(), "go").get(3);
            assertEquals("/flash?from=go", reply.get("redirect").asText(), reply.toString());
            assertTrue(reply.get("live").asBoolean(), reply.toString());
            assertTrue(reply.hasNonNull("flash"), reply.toString());
            assertFalse(reply.has("patch"), "nothing is rendered for a page that leaves: " + reply);
        }
    }
}
