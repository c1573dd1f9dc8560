package io.liveview.core;

import static io.liveview.core.TestClient.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import io.liveview.diff.PatchApplier;
import io.liveview.diff.PatchCodec;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the server over real HTTP and WebSocket connections, as a browser would. */
class ProtocolTest {

    private static LiveViewServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = LiveViewServer.builder()
                .live("/probe", ProbeLive::new)
                .live("/connected", ConnectedLive::new)
                .secret("protocol-test-secret")
                .port(0)
                .start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String status(JsonNode reply) {
        return reply.get(3).path("status").asText("ok");
    }

    private static String reason(JsonNode reply) {
        return reply.get(3).path("reason").asText();
    }

    private static String textOf(String innerHtml, String id) {
        return Html.parseFragment(innerHtml).getElementById(id).text();
    }

    @Test
    void theFirstRenderIsAFullPageWithSignedTokensAndTheClient() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe?start=5");
        assertEquals(200, page.status());
        assertTrue(page.viewId().startsWith("lv-"));
        assertEquals("5", textOf(page.inner(), "count"));
        assertNotNull(page.document().selectFirst("script[type=module][src=/_lv/liveview.js]"));
        assertTrue(page.cookie().startsWith("lv_session="));
        assertFalse(page.csrf().isBlank());
        assertEquals(2, page.token().split("\\.").length);
        assertEquals("LiveView", page.document().title());
        assertEquals(page.viewId(), page.document().body().child(0).id(), "the default layout puts the root in the body");
    }

    @Test
    void theClientScriptIsServedGzippedAndRevalidatedByEtag() throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/_lv/liveview.js");
        HttpResponse<String> plain = TestClient.HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(plain.body().contains("WebSocket"));

        HttpResponse<byte[]> gzipped = TestClient.HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(gzipped.body().length < plain.body().length() / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertEquals(plain.body(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        String etag = plain.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = TestClient.HTTP.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void pagesAreGzippedForBrowsersThatAcceptIt() throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/probe?start=7");
        HttpResponse<byte[]> gzipped = TestClient.HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        String page;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals("7", org.jsoup.Jsoup.parse(page).getElementById("count").text());
        HttpResponse<String> plain = TestClient.HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(plain.body().contains("data-lv-root"));
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertEquals(404, TestClient.get(port, "/nope").status());
    }

    @Test
    void aPristineJoinWhoseRenderIsUnchangedSendsNoHtml() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            JsonNode reply = client.join(page, true);
            assertEquals("ok", status(reply));
            assertFalse(reply.get(3).has("html"));
        }
    }

    @Test
    void aRejoinOrAChangedRenderSendsTheHtml() throws Exception {
        TestClient.LivePage probe = TestClient.get(port, "/probe?start=5");
        TestClient.LivePage connected = TestClient.get(port, "/connected", probe.cookie());
        assertEquals("false", textOf(connected.inner(), "connected"));
        try (TestClient client = new TestClient(port, probe.cookie())) {
            assertEquals("5", textOf(client.join(probe.viewId(), probe.token(), probe.csrf(), false,
                    "http://localhost/probe?start=5").get(3).get("html").asText(), "count"));
            JsonNode reply = client.join(connected, true);
            assertEquals("true", textOf(reply.get(3).get("html").asText(), "connected"));
        }
    }

    @Test
    void eventsAreAnsweredWithPatchesThatTurnTheOldRenderIntoTheNew() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            Element dom = Html.parseFragment(page.inner());
            for (int i = 1; i <= 3; i++) {
                JsonNode reply = client.event(page.viewId(), "inc", values("by", "2"));
                assertEquals("ok", status(reply));
                PatchApplier.apply(PatchCodec.decode(reply.get(3).get("patch").toString()), dom);
                assertEquals(String.valueOf(2 * i), dom.getElementById("count").text());
            }
            client.event(page.viewId(), "add", values("item", "<script>alert(1)</script>"));
            JsonNode reply = client.event(page.viewId(), "add", values("item", "second"));
            assertEquals("ok", status(reply));
        }
    }

    @Test
    void anEventThatChangesNothingGetsAnEmptyReply() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            JsonNode reply = client.event(page.viewId(), "noop");
            assertEquals("ok", status(reply));
            assertFalse(reply.get(3).has("patch"));
        }
    }

    @Test
    void handleInfoPushesADiff() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            String joinRef = client.join(page, true).get(0).asText();
            client.event(page.viewId(), "tick-later");
            JsonNode push = client.nextPush();
            assertEquals("diff", push.get(2).asText());
            assertEquals(joinRef, push.get(3).get("join").asText(), "a push names the join of its mount");
            Element dom = Html.parseFragment(page.inner());
            PatchApplier.apply(PatchCodec.decode(push.get(3).get("patch").toString()), dom);
            assertEquals("100", dom.getElementById("count").text());
        }
    }

    @Test
    void callbacksOfOneViewNeverOverlap() throws Exception {
        ProbeLive.OVERLAPS.set(0);
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                refs.add(client.cast(page.viewId(), "slow", values()));
            }
            for (String ref : refs) {
                assertEquals("ok", status(client.awaitReply(ref)));
            }
            JsonNode again = client.join(page.viewId(), page.token(), page.csrf(), false, "http://localhost/");
            assertEquals("already_joined", reason(again));
            assertEquals(0, ProbeLive.OVERLAPS.get());
        }
    }

    @Test
    void aTamperedTokenIsRefusedAndNothingMounts() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        String token = page.token();
        String tampered = (token.charAt(0) == 'a' ? 'b' : 'a') + token.substring(1);
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("invalid_token", reason(client.join(page.viewId(), tampered, page.csrf(), true, "http://localhost/")));
            assertEquals("unknown_view", reason(client.event(page.viewId(), "inc")));
            assertEquals("invalid_token", reason(client.join("lv-other", page.token(), page.csrf(), true, "http://localhost/")));
        }
    }

    @Test
    void aJoinWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        TestClient.LivePage other = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("invalid_csrf", reason(client.join(page.viewId(), page.token(), other.csrf(), true, "http://localhost/")));
            assertEquals("invalid_csrf", reason(client.join(other.viewId(), other.token(), page.csrf(), true, "http://localhost/")));
            assertEquals("unknown_view", reason(client.event(page.viewId(), "inc")));
        }
        try (TestClient cookieless = new TestClient(port, null)) {
            assertEquals("invalid_csrf", reason(cookieless.join(page, true)));
        }
    }

    @Test
    void aSocketFromAForeignOriginIsRefusedWith403() {
        Exception refused = assertThrows(Exception.class, () -> new TestClient(port, null, "http://evil.example"));
        assertEquals(403, handshakeStatus(refused));
    }

    /** The HTTP status of a refused WebSocket handshake, wherever the exception chain carries it. */
    static int handshakeStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
        }
        throw new AssertionError("not a refused handshake", failure);
    }

    @Test
    void anUnknownEventGetsAnErrorNamingItAndTheViewKeepsWorking() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            JsonNode reply = client.event(page.viewId(), "frobnicate");
            assertEquals("unknown_event", reason(reply));
            assertTrue(reply.get(3).get("message").asText().contains("frobnicate"));
            assertEquals("ok", status(client.event(page.viewId(), "inc")));
        }
    }

    @Test
    void framesThatBreakTheProtocolGetErrorRepliesAndTheSocketLives() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            client.sendRaw("[\"9\", \"" + page.viewId() + "\", \"event\", {\"type\": \"click\"}]");
            assertEquals("bad_frame", reason(client.awaitReply("9")));
            client.sendRaw("[\"10\", 42, \"event\", {}]");
            assertEquals("bad_frame", reason(client.awaitReply("10")));
            client.sendRaw("[\"11\", null, \"dance\", {}]");
            assertEquals("bad_frame", reason(client.awaitReply("11")));
            client.sendRaw("[\"12\", \"x\", \"event\", []]");
            assertEquals("bad_frame", reason(client.awaitReply("12")));
            client.sendRaw("{\"ref\": \"13\"}");
            JsonNode refless = client.nextPush();
            assertEquals("reply", refless.get(2).asText(), "a frame without a readable ref is answered with a null ref");
            assertEquals("bad_frame", refless.get(3).path("reason").asText());
            client.sendRaw("[\"14\", \"lv-nobody\", \"event\", {\"type\": \"click\", \"event\": \"inc\"}]");
            assertEquals("unknown_view", reason(client.awaitReply("14")));
            assertEquals("ok", status(client.event(page.viewId(), "inc")));
            assertEquals("ok", status(client.call(null, "heartbeat", TestClient.JSON.createObjectNode())));
        }
    }

    @Test
    void aCrashKillsOnlyThatViewWhichCanRejoinFresh() throws Exception {
        TestClient.LivePage crashing = TestClient.get(port, "/probe");
        TestClient.LivePage bystander = TestClient.get(port, "/probe", crashing.cookie());
        try (TestClient client = new TestClient(port, crashing.cookie())) {
            String crashingJoin = client.join(crashing, true).get(0).asText();
            client.join(bystander, true);
            client.event(crashing.viewId(), "inc");
            client.event(bystander.viewId(), "inc");

            assertEquals("handler_crashed", reason(client.event(crashing.viewId(), "boom")));
            JsonNode error = client.nextPush();
            assertEquals("error", error.get(2).asText());
            assertEquals(crashing.viewId(), error.get(1).asText());
            assertEquals(crashingJoin, error.get(3).get("join").asText());
            assertEquals("unknown_view", reason(client.event(crashing.viewId(), "inc")));

            JsonNode rejoin = client.join(crashing, false);
            assertEquals("0", textOf(rejoin.get(3).get("html").asText(), "count"));
            client.event(crashing.viewId(), "tick-later");
            assertEquals(rejoin.get(0).asText(), client.nextPush().get(3).get("join").asText(),
                    "the new mount's pushes name the rejoin, not the crashed mount's join");
            JsonNode bystanderReply = client.event(bystander.viewId(), "inc");
            assertEquals("ok", status(bystanderReply));
            assertTrue(bystanderReply.get(3).get("patch").toString().contains("\"2\""), bystanderReply.toString());
        }
    }

    @Test
    void aFrameThatIsNotJsonClosesWith1008AndOthersAreServed() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient bystander = new TestClient(port, page.cookie());
             TestClient client = new TestClient(port, page.cookie())) {
            bystander.join(page, true);
            client.sendRaw("this is not json");
            assertEquals(1008, client.awaitClose());
            assertEquals("ok", status(bystander.event(page.viewId(), "inc")));
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.sendRaw("[\"1\", null, \"heartbeat\", {\"pad\": \"" + "x".repeat(70_000) + "\"}]");
            assertEquals(1009, client.awaitClose());
        }
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("ok", status(client.call(null, "heartbeat", TestClient.JSON.createObjectNode())));
        }
    }

    @Test
    void aBinaryFrameClosesWith1003() throws Exception {
        try (TestClient client = new TestClient(port, null)) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals(1003, client.awaitClose());
        }
    }
}
