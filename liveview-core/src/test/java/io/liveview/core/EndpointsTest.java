package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain HTTP endpoints: parameters, bodies, answers, CSRF on posts, redirects, errors and methods. */
class EndpointsTest extends ServerTest {

    /** A JSON body an endpoint reads. */
    record Item(String name, int count) {
    }

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private int port;

    @BeforeEach
    void startServer() {
        port = start(builder -> builder
                .maxBodyBytes(1024)
                .get("/health", (request, response) -> response.json(Map.of("status", "up")))
                .get("/items/{id}", (request, response) -> response.json(Map.of(
                        "id", request.params().getInt("id"),
                        "sort", request.params().get("sort").orElse("none"),
                        "method", request.method())))
                .post("/items", (request, response) -> response.status(201)
                        .header("X-Item", request.form().require("name"))
                        .text("added " + request.form().require("name")))
                .post("/items/json", (request, response) -> {
                    Item item = request.json(Item.class);
                    response.json(Map.of("name", item.name(), "twice", item.count() * 2));
                })
                .get("/go", (request, response) -> response.redirect(request.params().get("to").orElse("")))
                .post("/go", (request, response) -> response.redirect(request.form().get("to").orElse("")))
                .post("/probe", (request, response) -> response.text("posted to a live route's path"))
                .post("/welcome", (request, response) -> response.session(request.session().renewed().with("user", "ada"))
                        .putFlash("info", "Welcome").redirect("/flash"))
                .live("/flash", FlashLive::new)
                .get("/broken", (request, response) -> {
                    throw new IllegalStateException("secret detail at com.example.Hidden");
                }));
    }

    @Test
    void getAnswersJsonWithPathAndQueryParameters() throws Exception {
        HttpResponse<String> health = send(request("/health").GET());
        assertEquals(200, health.statusCode());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"status\":\"up\"}", health.body());

        JsonNode item = TestClient.JSON.readTree(send(request("/items/42?sort=name").GET()).body());
        assertEquals(42, item.get("id").asInt());
        assertEquals("name", item.get("sort").asText());
        assertEquals("GET", item.get("method").asText());
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<String> head = send(request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("application/json", head.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void everyViewsTemplateGetsTheSessionsCsrfTokenForItsForms() throws Exception {
        int port = start(b -> b.mountOnce(java.time.Duration.ZERO));
        TestClient.LivePage page = TestClient.get(port, "/probe");
        String rendered = org.jsoup.Jsoup.parse(page.inner()).selectFirst("input[name=_csrf]").val();
        assertEquals(page.csrf(), rendered, "the first render");
        try (TestClient client = new TestClient(port, page.cookie())) {
            String html = client.join(page, false).get(3).get("html").asText();
            assertEquals(page.csrf(), org.jsoup.Jsoup.parse(html).selectFirst("input[name=_csrf]").val(), "a fresh connected mount");
        }
    }

    @Test
    void aFormPostWithTheSessionsCsrfTokenIsServed() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        HttpResponse<String> inForm = send(form("/items", page.cookie(), "name", "milk", "_csrf", page.csrf()));
        assertEquals(201, inForm.statusCode());
        assertEquals("added milk", inForm.body());
        assertEquals("milk", inForm.headers().firstValue("X-Item").orElseThrow());

        HttpResponse<String> inHeader = send(form("/items", page.cookie(), "name", "eggs").header("X-CSRF-Token", page.csrf()));
        assertEquals(201, inHeader.statusCode());
    }

    @Test
    void aResponsesFlashShowsOnceOnTheNextLivePageOfTheSessionItLeaves() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        HttpResponse<String> posted = send(form("/welcome", page.cookie(), "_csrf", page.csrf()));
        assertEquals(303, posted.statusCode());
        Map<String, String> cookies = new HashMap<>();
        for (String header : posted.headers().allValues("Set-Cookie")) {
            String pair = header.substring(0, header.indexOf(';'));
            cookies.put(pair.substring(0, pair.indexOf('=')), pair);
        }
        String session = cookies.get(LiveViewServer.SESSION_COOKIE);
        String flash = cookies.get(LiveViewServer.FLASH_COOKIE);
        assertTrue(session != null && flash != null, "both cookies are set: " + cookies);
        assertEquals("Welcome", Jsoup.parse(send(request("/flash").header("Cookie", session + "; " + flash)).body()).select("[data-lv-flash=info]").text());
        assertEquals("", Jsoup.parse(send(request("/flash").header("Cookie", page.cookie() + "; " + flash)).body()).select("[data-lv-flash]").text(),
                "signed for the session the response set, not the one it replaced");
    }

    @Test
    void aPostWithoutAValidCsrfTokenIs403() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        TestClient.LivePage other = TestClient.get(port, "/probe");
        for (HttpRequest.Builder post : new HttpRequest.Builder[] {
                form("/items", page.cookie(), "name", "milk"),
                form("/items", page.cookie(), "name", "milk", "_csrf", "wrong"),
                form("/items", page.cookie(), "name", "milk", "_csrf", other.csrf()),
                form("/items", null, "name", "milk", "_csrf", page.csrf())}) {
            HttpResponse<String> response = send(post);
            assertEquals(403, response.statusCode());
            assertEquals("Missing or invalid CSRF token\n", response.body());
        }
    }

    @Test
    void aJsonBodyIsReadThroughJackson() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        HttpResponse<String> response = send(json("/items/json", page, "{\"name\":\"tea\",\"count\":21}"));
        assertEquals(200, response.statusCode());
        assertEquals(TestClient.JSON.readTree("{\"name\":\"tea\",\"twice\":42}"), TestClient.JSON.readTree(response.body()));

        HttpResponse<String> malformed = send(json("/items/json", page, "{\"name\":"));
        assertEquals(400, malformed.statusCode());
        assertEquals("Bad request\n", malformed.body());
    }

    @Test
    void redirectsStayOnThisSite() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        HttpResponse<String> afterGet = NO_REDIRECTS.send(request("/go?to=" + encode("/items/7?sort=a")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, afterGet.statusCode());
        assertEquals("/items/7?sort=a", afterGet.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> afterPost = NO_REDIRECTS.send(form("/go", page.cookie(), "to", "/todo", "_csrf", page.csrf()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, afterPost.statusCode());
        assertEquals("/todo", afterPost.headers().firstValue("Location").orElseThrow());

        for (String foreign : new String[] {"//evil.example", "https://evil.example", "javascript:alert(1)", "evil",
                "/\\evil.example", "/\t/evil.example", ""}) {
            HttpResponse<String> response = NO_REDIRECTS.send(request("/go?to=" + encode(foreign)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, response.statusCode(), foreign);
            assertEquals("/", response.headers().firstValue("Location").orElseThrow(), foreign);
        }
    }

    @Test
    void aFailingHandlerAnswersAPlain500WithoutTheCause() throws Exception {
        HttpResponse<String> response = send(request("/broken").GET());
        assertEquals(500, response.statusCode());
        assertEquals("Internal error\n", response.body());
        assertFalse(response.body().contains("secret") || response.body().contains("Exception"));
    }

    @Test
    void aBadPathParameterIs404() throws Exception {
        HttpResponse<String> response = send(request("/items/abc").GET());
        assertEquals(404, response.statusCode());
        assertFalse(response.body().contains("abc"));
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOnes() throws Exception {
        HttpResponse<String> getOnPostOnly = send(request("/items").GET());
        assertEquals(405, getOnPostOnly.statusCode());
        assertEquals("POST", getOnPostOnly.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> postOnGetOnly = send(request("/health").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, postOnGetOnly.statusCode());
        assertEquals("GET, HEAD", postOnGetOnly.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> putOnBoth = send(request("/go").PUT(HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, putOnBoth.statusCode());
        assertEquals("GET, HEAD, POST", putOnBoth.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void aLivePageMayPostToItsOwnPath() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        assertEquals(200, page.status());
        HttpResponse<String> response = send(form("/probe", page.cookie(), "_csrf", page.csrf()));
        assertEquals(200, response.statusCode());
        assertEquals("posted to a live route's path", response.body());
    }

    @Test
    void aLiteralLiveRouteWinsOverAGetEndpointsTemplate() throws Exception {
        port = start(builder -> builder.get("/{page}", (request, response) -> response.text("page " + request.params().require("page"))));
        assertEquals("page other", send(request("/other").GET()).body());
        TestClient.LivePage probe = TestClient.get(port, "/probe");
        assertEquals(200, probe.status());
        assertNotNull(probe.viewId());
    }

    @Test
    void aBodyOverMaxBodyBytesIs413() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        String big = "a".repeat(2048);
        assertEquals(413, send(form("/items", page.cookie(), "name", big, "_csrf", page.csrf())).statusCode());
        // Chunked: no length for the guard to go by, so the endpoint's read stops it; Undertow then
        // ends the connection itself, so the client may see the 413 or only the connection's end.
        HttpRequest.Builder chunked = request("/items")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", page.cookie())
                .header("X-CSRF-Token", page.csrf())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(("name=" + big).getBytes(StandardCharsets.UTF_8))));
        try {
            assertEquals(413, send(chunked).statusCode());
        } catch (IOException closed) {
            // The handler never ran: it would have answered 201.
        }
    }

    @Test
    void conflictingRoutesAreRefusedAtBuild() {
        Endpoint ok = (request, response) -> { };
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().live("/a/{id}", ProbeLive::new).get("/a/{name}", ok));
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().get("/a/{id}", ok).live("/a/{name}", ProbeLive::new));
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().get("/a", ok).get("/a", ok));
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().post("/a/{x}", ok).post("/a/{y}", ok));
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().post("/a/{x", ok));
        LiveViewServer.builder().live("/a", ProbeLive::new).post("/a", ok).get("/a/{id}", ok).post("/a/{id}", ok);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder form(String path, String cookie, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private HttpRequest.Builder json(String path, TestClient.LivePage page, String body) {
        return request(path).header("Content-Type", "application/json").header("Cookie", page.cookie())
                .header("X-CSRF-Token", page.csrf()).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
