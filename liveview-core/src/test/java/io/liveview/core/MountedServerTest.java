package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.util.Headers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server mounted by an application's own Undertow under {@code /app}, next to a handler of the
 * application: everything the server writes carries the prefix, and nothing of the application's changes.
 */
class MountedServerTest {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** Passes the first render and halts the join: the redirect a page meets when its session changed meanwhile. */
    private static final OnMount HALT_WHEN_CONNECTED = (params, session, socket) -> {
        if (!socket.connected()) {
            return true;
        }
        socket.redirect("/login?from=join");
        return false;
    };

    private LiveViewServer server;
    private HostApp app;
    private int port;

    @BeforeEach
    void mount() {
        server = LiveViewServer.builder()
                .live("/", LinksLive::new)
                .live("/links", LinksLive::new)
                .live("/probe", ProbeLive::new)
                .live("/away", AwayLive::new)
                .group((params, session, socket) -> {
                    socket.redirect("/login");
                    return false;
                }, guarded -> guarded.live("/guarded", ProbeLive::new))
                .group(HALT_WHEN_CONNECTED, late -> late.live("/late", ProbeLive::new))
                .get("/hop", (request, response) -> response.redirect(request.params().get("to").orElse("/probe")))
                .secret("mounted-server-test-secret")
                .build();
        app = new HostApp("/app", server.handler(), "the app's own");
        port = app.port();
    }

    @AfterEach
    void unmount() {
        if (server != null) {
            server.stop();
        }
        app.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private TestClient socket(String cookie) throws Exception {
        return new TestClient(URI.create("ws://localhost:" + port + "/app" + LiveViewServer.SOCKET_PATH), cookie,
                "Origin", "http://localhost:" + port);
    }

    @Test
    void aPageBelowThePrefixCarriesItInItsScriptLinksAndCookie() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/app/links");
        assertEquals(200, page.status());
        Document document = page.document();
        assertEquals("/app/_lv/liveview.js", document.selectFirst("script[type=module]").attr("src"));
        assertEquals("/app/links?page=2", document.getElementById("next").attr("href"));
        assertEquals("/app/static/dot.png", document.getElementById("dot").attr("src"));
        assertEquals("/app", document.getElementById("base").text(), "templates get the prefix as lvBase");

        HttpResponse<String> response = get("/app/links");
        assertTrue(response.headers().firstValue("Set-Cookie").orElseThrow().contains("Path=/app;"),
                response.headers().firstValue("Set-Cookie").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), "the guard's headers");
        HttpResponse<String> client = get("/app" + LiveViewServer.CLIENT_PATH);
        assertEquals(200, client.statusCode());
        assertTrue(client.body().contains("WebSocket"), "the browser client");
        HttpResponse<String> file = get("/app/static/site.css");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue(Headers.CONTENT_TYPE_STRING).orElseThrow().startsWith("text/css"));
    }

    @Test
    void theSocketBelowThePrefixJoinsAndLiveRendersKeepThePrefix() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/app/links");
        try (TestClient client = socket(page.cookie())) {
            assertEquals("ok", ServerTest.status(client.join(page, true)));
            JsonNode reply = client.event(page.viewId(), "next");
            assertTrue(reply.get(3).get("patch").toString().contains("\"/app/links?page=3\""), reply.toString());
        }
    }

    @Test
    void hooksAndEndpointsRedirectBelowThePrefix() throws Exception {
        HttpResponse<String> guarded = get("/app/guarded");
        assertEquals(302, guarded.statusCode());
        assertEquals("/app/login", guarded.headers().firstValue("Location").orElseThrow());

        TestClient.LivePage late = TestClient.get(port, "/app/late");
        try (TestClient client = socket(late.cookie())) {
            JsonNode reply = client.join(late, true).get(3);
            assertEquals("redirect", reply.get("reason").asText());
            assertEquals("/app/login?from=join", reply.get("to").asText());
        }

        TestClient.LivePage away = TestClient.get(port, "/app/away");
        try (TestClient client = socket(away.cookie())) {
            client.join(away, true);
            JsonNode reply = client.event(away.viewId(), "away", TestClient.values("to", "/todo")).get(3);
            assertEquals("/app/todo", reply.get("redirect").asText(), "a view's redirect from an event");
            client.event(away.viewId(), "away-later", TestClient.values("to", "/later"));
            JsonNode push = client.nextPush();
            assertEquals("/app/later", push.get(3).path("to").asText(), "and from a message: " + push);
        }
        assertEquals("/app/elsewhere", get("/app/away?to=/elsewhere").headers().firstValue("Location").orElseThrow(),
                "and from its mount");

        assertEquals("/app/probe", get("/app/hop").headers().firstValue("Location").orElseThrow());
        assertEquals("/app/", get("/app/hop?to=//evil.example").headers().firstValue("Location").orElseThrow(),
                "a foreign target still becomes the server's root");
    }

    @Test
    void thePrefixIsTheServersRootAndTheAppKeepsItsOwnPaths() throws Exception {
        assertEquals(200, TestClient.get(port, "/app").status());
        assertEquals(200, TestClient.get(port, "/app/").status());
        HttpResponse<String> missing = get("/app/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), "the server's 404 page: " + missing.body());
        assertEquals("the app's own /links", get("/links").body(), "the server's routes exist only below the prefix");
        assertEquals("the app's own /application", get("/application").body(), "a prefix ends at a slash");
        assertEquals("the app's own /", get("/").body());
    }

    @Test
    void stoppingTheMountedServerLeavesTheAppsUndertowRunning() throws Exception {
        assertThrows(IllegalStateException.class, server::port, "no listener of its own");
        server.stop();
        server = null;
        assertEquals("the app's own /links", get("/links").body());
    }
}
