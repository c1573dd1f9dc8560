package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A protocol-level client for tests: fetches pages like a browser and speaks the socket protocol. */
final class TestClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What the first render of a live page carries. */
    record LivePage(int status, String viewId, String token, String csrf, String cookie, String inner, Document document) {
    }

    static LivePage get(int port, String pathAndQuery, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Document document = Jsoup.parse(response.body());
        Element root = document.selectFirst("[data-lv-root]");
        String setCookie = response.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(cookie);
        Element meta = document.selectFirst("meta[name=lv-csrf]");
        return new LivePage(response.statusCode(), root == null ? null : root.id(),
                root == null ? null : root.attr("data-lv-token"), meta == null ? null : meta.attr("content"),
                setCookie, root == null ? null : root.html(), document);
    }

    static LivePage get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return get(port, pathAndQuery, null);
    }

    final BlockingQueue<JsonNode> pushes = new LinkedBlockingQueue<>();
    /** Every frame received, replies and pushes, in arrival order. */
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private int nextRef = 1;
    private boolean paused; // both guarded by this
    private boolean demandOwed;

    TestClient(int port, String cookie) throws Exception {
        this(port, cookie, "http://localhost:" + port);
    }

    TestClient(int port, String cookie, String origin) throws Exception {
        this(URI.create("ws://localhost:" + port + LiveViewServer.SOCKET_PATH), cookie, "Origin", origin);
    }

    /** A socket at any address (a mounted server's) with the given headers, names and values in turn. */
    TestClient(URI address, String cookie, String... headers) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        socket = builder.buildAsync(address, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends a frame and waits for the reply with its ref. */
    JsonNode call(String view, String kind, ObjectNode payload) throws Exception {
        String ref = String.valueOf(nextRef++);
        ArrayNode frame = JSON.createArrayNode().add(ref).add(view).add(kind).add(payload);
        sendRaw(frame.toString());
        return awaitReply(ref);
    }

    JsonNode awaitReply(String ref) throws InterruptedException {
        while (true) {
            JsonNode reply = replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("no reply to ref " + ref + " within " + WAIT);
            }
            if (reply.get(0).asText().equals(ref)) {
                return reply;
            }
        }
    }

    /** Sends an event without waiting; returns its ref. */
    String cast(String view, String name, ObjectNode value) {
        String ref = String.valueOf(nextRef++);
        ObjectNode payload = JSON.createObjectNode().put("type", "click").put("event", name);
        payload.set("value", value);
        sendRaw(JSON.createArrayNode().add(ref).add(view).add("event").add(payload).toString());
        return ref;
    }

    /** The next reply in arrival order, whatever its ref. */
    JsonNode nextReply() throws InterruptedException {
        JsonNode reply = replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new AssertionError("no reply within " + WAIT);
        }
        return reply;
    }

    /** Stops reading from the socket: the server's frames pile up in the TCP buffers and then in its queue. */
    synchronized void pauseReading() {
        paused = true;
    }

    /** Reads again. */
    synchronized void resumeReading() {
        paused = false;
        if (demandOwed) {
            demandOwed = false;
            socket.request(1);
        }
    }

    JsonNode join(LivePage page, boolean pristine) throws Exception {
        return join(page.viewId(), page.token(), page.csrf(), pristine, "http://localhost/");
    }

    JsonNode join(String viewId, String token, String csrf, boolean pristine, String url) throws Exception {
        return call(viewId, "join", JSON.createObjectNode().put("token", token).put("csrf", csrf)
                .put("url", url).put("pristine", pristine));
    }

    JsonNode event(String view, String name, ObjectNode value) throws Exception {
        ObjectNode payload = JSON.createObjectNode().put("type", "click").put("event", name);
        payload.set("value", value);
        return call(view, "event", payload);
    }

    JsonNode event(String view, String name) throws Exception {
        return event(view, name, JSON.createObjectNode());
    }

    JsonNode nextPush() throws InterruptedException {
        JsonNode push = pushes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (push == null) {
            throw new AssertionError("no push within " + WAIT);
        }
        return push;
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    int awaitClose() throws Exception {
        return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    static ObjectNode values(String... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    (frame.get(0).isNull() ? pushes : replies).add(frame);
                    frames.add(frame);
                } catch (IOException e) {
                    throw new AssertionError("server sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            synchronized (TestClient.this) {
                if (paused) {
                    demandOwed = true;
                } else {
                    webSocket.request(1);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason.complete(reason);
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
