package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code socket.redirect} from a view's mount, its events and its messages. */
class RedirectTest extends ServerTest {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private int port;

    @BeforeEach
    void startServer() {
        port = start(b -> b.mountOnce(Duration.ZERO).live("/away", AwayLive::new));
    }

    @Test
    void aMountThatRedirectsAnswersTheFirstRenderWith302() throws Exception {
        HttpResponse<String> response = NO_REDIRECTS.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/away?to=/elsewhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode());
        assertEquals("/elsewhere", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aMountThatRedirectsOnTheJoinNamesThePathAndMountsNothing() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/away?toWhenConnected=/elsewhere");
        assertEquals(200, page.status());
        try (TestClient client = new TestClient(port, page.cookie())) {
            JsonNode refused = client.join(page.viewId(), page.token(), page.csrf(), true,
                    "http://localhost:" + port + "/away?toWhenConnected=/elsewhere");
            assertEquals("redirect", reason(refused));
            assertEquals("/elsewhere", refused.get(3).get("to").asText());
            assertEquals("unknown_view", reason(client.event(page.viewId(), "inc")), "nothing stayed mounted");
        }
    }

    @Test
    void anEventThatRedirectsRepliesWithThePathInsteadOfAPatchOnce() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/away");
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("ok", status(client.join(page, true)));
            JsonNode away = client.event(page.viewId(), "away", TestClient.values("to", "/todo?from=away"));
            assertEquals("ok", status(away));
            assertEquals("/todo?from=away", away.get(3).get("redirect").asText());
            assertFalse(away.get(3).has("patch"), "nothing is rendered for a page that is leaving");
            JsonNode next = client.event(page.viewId(), "inc");
            assertFalse(next.get(3).has("redirect"), "a redirect is followed once");
            assertEquals("[[\"t\",[0,0],\"2\"]]", next.get(3).get("patch").toString(),
                    "the state the redirecting event changed was kept");
        }
    }

    @Test
    void aMessageThatRedirectsPushesThePath() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/away");
        try (TestClient client = new TestClient(port, page.cookie())) {
            JsonNode join = client.join(page, true);
            assertEquals("ok", status(join));
            assertEquals("ok", status(client.event(page.viewId(), "away-later", TestClient.values("to", "/later"))));
            JsonNode push = client.nextPush();
            assertEquals("redirect", push.get(2).asText());
            assertEquals("/later", push.get(3).get("to").asText());
            assertEquals(join.get(0).asText(), push.get(3).get("join").asText());
        }
    }

    @Test
    void aRedirectToAnotherSiteFromAnEventGoesHome() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/away");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            JsonNode away = client.event(page.viewId(), "away", TestClient.values("to", "https://evil.example/"));
            assertEquals("/", away.get(3).get("redirect").asText());
        }
    }
}
