package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of "no input takes the server down": limits, timeouts, methods, error bodies and
 * security headers, over raw sockets wherever {@link java.net.http.HttpClient} would refuse to send
 * the request or would hide what the server did with the connection.
 */
class HttpHardeningTest {

    private static final String SECRET = "http-hardening-test-secret";
    /** Long enough for a loaded 2-core machine; every wait ends early when the awaited thing happens. */
    private static final int READ_TIMEOUT_MILLIS = 15_000;

    private static LiveViewServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = builder().start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static LiveViewServer.Builder builder() {
        return LiveViewServer.builder().live("/probe", ProbeLive::new).secret(SECRET).port(0);
    }

    private static LiveViewServer start(Consumer<LiveViewServer.Builder> settings) {
        LiveViewServer.Builder builder = builder();
        settings.accept(builder);
        return builder.start();
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        RawResponse response = send(port, "GET /probe HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, response.status());
        assertSecurityHeaders(response.headers());
        assertFalse(response.body().contains("aaaa"));
    }

    @Test
    void headersJustUnderTheLimitAreServed() throws Exception {
        RawResponse response = send(port, "GET /probe HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(15 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, response.status());
    }

    @Test
    void headersBeyondFourTimesTheLimitAre400AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect(port)) {
            // Written by another thread: the server stops reading at its cap, so a single write could block forever.
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(ascii("GET /probe HTTP/1.1\r\nHost: localhost\r\n"));
                    // 200 KB in few headers, so that it is the size that trips, not the count of headers.
                    for (int i = 0; i < 20; i++) {
                        out.write(ascii("X-Padding-" + i + ": " + "a".repeat(10 * 1024) + "\r\n"));
                    }
                    out.write(ascii("\r\n"));
                } catch (IOException expectedOnceTheServerCloses) {
                    // The server closed the connection mid-request: what this test wants.
                }
            });
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes("HTTP/1.1 400".length()), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 400", statusLine);
            assertClosedByServer(in);
            writer.join();
        }
    }

    @Test
    void tooManyCookiesAre431() throws Exception {
        StringBuilder cookies = new StringBuilder("c0=0");
        for (int i = 1; i < 150; i++) {
            cookies.append("; c").append(i).append('=').append(i);
        }
        RawResponse response = send(port, "GET /probe HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookies
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(431, response.status());
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(ascii("POST /probe HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + 2 * 1024 * 1024 + "\r\n\r\n"));
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertEquals(413, response.status());
            assertEquals("close", response.headers().get("connection"));
            assertSecurityHeaders(response.headers());
        }
    }

    @Test
    void otherMethodsThanGetAndHeadAre405OnLiveRoutesAndTheClient() throws Exception {
        for (String path : new String[] {"/probe", LiveViewServer.CLIENT_PATH}) {
            for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS", "TRACE", "FOO"}) {
                String body = method.equals("POST") || method.equals("PUT") ? "a=1" : "";
                RawResponse response = send(port, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Echo-Me: marker-123\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
                assertEquals(405, response.status(), method + " " + path);
                assertEquals("GET, HEAD", response.headers().get("allow"), method + " " + path);
                assertFalse(response.body().contains("marker-123"), "nothing of the request is echoed");
                assertSecurityHeaders(response.headers());
            }
        }
    }

    @Test
    void theSocketPathAllowsOnlyGet() throws Exception {
        for (String method : new String[] {"HEAD", "POST"}) {
            RawResponse response = send(port, method + " " + LiveViewServer.SOCKET_PATH
                    + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertEquals(405, response.status(), method);
            assertEquals("GET", response.headers().get("allow"));
        }
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutTheBody() throws Exception {
        for (String path : new String[] {"/probe", LiveViewServer.CLIENT_PATH}) {
            RawResponse get = send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            RawResponse head = send(port, "HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertEquals(200, head.status(), path);
            assertEquals("", head.body(), path);
            assertFalse(get.body().isEmpty(), path);
            assertEquals(get.headers().get("content-type"), head.headers().get("content-type"), path);
            assertSecurityHeaders(head.headers());
        }
    }

    @Test
    void the404BodyDoesNotReflectThePath() throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/%3Cscript%3Ealert(1)%3C/script%3E")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), "the 404 page");
        assertFalse(response.body().contains("<script"), response.body());
        assertFalse(response.body().contains("alert"), response.body());
    }

    @Test
    void aForeignOriginIs403WithoutEchoingOriginOrHost() throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> TestClient.HTTP.newWebSocketBuilder()
                .header("Origin", "http://evil-origin.example")
                .buildAsync(URI.create("ws://localhost:" + port + LiveViewServer.SOCKET_PATH), new WebSocket.Listener() { })
                .get(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        HttpResponse<?> response = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse();
        assertEquals(403, response.statusCode());
        assertSecurityHeaders(response.headers());
        String body = String.valueOf(response.body());
        assertFalse(body.contains("evil-origin"), body);
        assertFalse(body.contains("localhost"), body);
    }

    @Test
    void pagesTheClientAnd404sCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/probe", LiveViewServer.CLIENT_PATH, "/nope"}) {
            HttpResponse<String> response = TestClient.HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertSecurityHeaders(response.headers());
        }
    }

    @Test
    void aRevalidatedClientScriptCarriesTheSecurityHeaders() throws Exception {
        URI uri = URI.create("http://localhost:" + port + LiveViewServer.CLIENT_PATH);
        String etag = TestClient.HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = TestClient.HTTP.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, notModified.statusCode());
        assertSecurityHeaders(notModified.headers());
    }

    @Test
    void aNullSecurityHeaderIsLeftOut() throws Exception {
        try (LiveViewServer bare = start(b -> b.contentSecurityPolicy(null).frameOptions(null).referrerPolicy(null))) {
            HttpResponse<String> response = TestClient.HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + bare.port() + "/probe")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(response.headers().firstValue("Content-Security-Policy").isEmpty());
            assertTrue(response.headers().firstValue("X-Frame-Options").isEmpty());
            assertTrue(response.headers().firstValue("Referrer-Policy").isEmpty());
        }
    }

    @Test
    void aClientSendingHeadersByteByByteIsCutOffWhileOthersAreServed() throws Exception {
        try (LiveViewServer strict = start(b -> b.requestParseTimeout(Duration.ofSeconds(1)));
             Socket slow = connect(strict.port())) {
            byte[] request = ascii("GET /probe HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(200) + "\r\n\r\n");
            AtomicInteger sent = new AtomicInteger();
            Thread dripper = Thread.ofVirtual().start(() -> {
                try {
                    for (byte b : request) {
                        slow.getOutputStream().write(b);
                        sent.incrementAndGet();
                        Thread.sleep(300);
                    }
                } catch (IOException | InterruptedException stoppedOnceClosed) {
                    // The server closed the connection, or the test ended: either way the drip stops.
                }
            });
            try {
                assertEquals(200, send(strict.port(), "GET /probe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").status(),
                        "a normal request is served while the slow one drips");
                assertClosedByServer(slow.getInputStream());
                assertTrue(sent.get() < request.length, "closed after " + sent + " of " + request.length + " bytes");
            } finally {
                dripper.interrupt();
            }
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (LiveViewServer strict = start(b -> b.keepAliveTimeout(Duration.ofSeconds(1)));
             Socket socket = connect(strict.port())) {
            socket.getOutputStream().write(ascii("GET /probe HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            RawResponse response = RawResponse.read(socket.getInputStream());
            assertEquals(200, response.status());
            assertFalse("close".equals(response.headers().get("connection")), "the connection is kept alive at first");
            assertClosedByServer(socket.getInputStream());
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (LiveViewServer strict = start(b -> b.keepAliveTimeout(Duration.ofSeconds(1)));
             Socket socket = connect(strict.port())) {
            assertClosedByServer(socket.getInputStream());
        }
    }

    @Test
    void socketsBeyondMaxSocketsAre503() throws Exception {
        try (LiveViewServer small = start(b -> b.maxSockets(1))) {
            TestClient.LivePage page = TestClient.get(small.port(), "/probe");
            try (TestClient first = new TestClient(small.port(), page.cookie())) {
                // A reply proves the server has registered the first socket, not just answered its upgrade.
                assertEquals("ok", first.join(page, true).get(3).path("status").asText("ok"));
                ExecutionException refused = assertThrows(ExecutionException.class, () -> TestClient.HTTP.newWebSocketBuilder()
                        .header("Origin", "http://localhost:" + small.port())
                        .buildAsync(URI.create("ws://localhost:" + small.port() + LiveViewServer.SOCKET_PATH), new WebSocket.Listener() { })
                        .get(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
                HttpResponse<?> response = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse();
                assertEquals(503, response.statusCode());
                assertSecurityHeaders(response.headers());
            }
        }
    }

    private static void assertSecurityHeaders(java.net.http.HttpHeaders headers) {
        Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((name, values) -> first.put(name, values.getFirst()));
        assertSecurityHeaders(first);
    }

    private static void assertSecurityHeaders(Map<String, String> headers) {
        assertEquals("nosniff", headers.get("x-content-type-options"));
        assertEquals(SecurityHeaders.DEFAULT_CSP, headers.get("content-security-policy"));
        assertEquals("SAMEORIGIN", headers.get("x-frame-options"));
        assertEquals("strict-origin-when-cross-origin", headers.get("referrer-policy"));
    }

    /** Passes when the server ends the connection (FIN, or RST after it gave up on us); fails on a read timeout. */
    private static void assertClosedByServer(InputStream in) throws IOException {
        try {
            while (in.read() != -1) {
                // Drain whatever the server sent before closing.
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + READ_TIMEOUT_MILLIS + " ms", e);
        } catch (SocketException e) {
            assertTrue(String.valueOf(e.getMessage()).contains("reset"), "unexpected: " + e);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends one request that asks for {@code Connection: close} and reads the answer to the end. */
    private static RawResponse send(int port, String request) throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(ascii(request));
            return RawResponse.read(socket.getInputStream());
        }
    }
}
