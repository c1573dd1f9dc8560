package io.liveview.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveview.it.LivePage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One page socket as the browser client holds it: opened on 127.0.0.1 with the page's
 * {@code Origin} and session cookie, any number of views joined on it, and each frame it sends
 * answered by the reply that carries its {@code ref}. Frames that are not replies (pushes) are
 * counted: the load pages make none, so any is an error.
 */
final class LiveSocket implements WebSocket.Listener {

    static final ObjectMapper JSON = new ObjectMapper();
    /** No component: a click for the view. Components are numbered from 1. */
    static final int NO_COMPONENT = 0;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One reply.
     *
     * @param payload      its payload
     * @param bytes        the frame's size on the wire (its UTF-8 text)
     * @param arrivedNanos {@link System#nanoTime()} when its last fragment was read
     */
    record Reply(JsonNode payload, int bytes, long arrivedNanos) {

        boolean ok() {
            return payload.path("status").asText("ok").equals("ok");
        }

        /** {@code ok}, or the error's reason. */
        String outcome() {
            return ok() ? "ok" : payload.path("reason").asText("?");
        }
    }

    private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final StringBuilder message = new StringBuilder();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile WebSocket ws;

    private LiveSocket() {
    }

    /** Opens {@code /_lv/socket} as the page's script does: same origin, the session's cookie. */
    static CompletableFuture<LiveSocket> open(HttpClient http, int port, String cookie) {
        LiveSocket socket = new LiveSocket();
        return http.newWebSocketBuilder()
                .header("Origin", "http://127.0.0.1:" + port)
                .header("Cookie", cookie)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/_lv/socket"), socket)
                .thenApply(ws -> {
                    socket.ws = ws;
                    return socket;
                });
    }

    /** Joins the view of a page loaded from {@code url}, as a first join ({@code pristine}) or a rejoin. */
    CompletableFuture<Reply> join(LivePage page, String url, boolean pristine) {
        return send(page.viewId(), "join", JSON.createObjectNode().put("token", page.token()).put("csrf", page.csrf())
                .put("url", url).put("pristine", pristine));
    }

    /** Sends a click to the view, as {@code lv-click="event"} with the element's {@code lv-value-*} does. */
    CompletableFuture<Reply> click(String view, String event, Map<String, String> values) {
        return click(view, event, values, NO_COMPONENT);
    }

    /**
     * Sends a click as an element with {@code lv-target} does: to the component numbered {@code cid}
     * ({@code "cid"} in the payload), or to the view itself when it is {@link #NO_COMPONENT}.
     */
    CompletableFuture<Reply> click(String view, String event, Map<String, String> values, int cid) {
        ObjectNode payload = JSON.createObjectNode().put("type", "click").put("event", event);
        values.forEach(payload.putObject("value")::put);
        if (cid != NO_COMPONENT) {
            payload.put("cid", cid);
        }
        return send(view, "event", payload);
    }

    CompletableFuture<Reply> leave(String view) {
        return send(view, "leave", JSON.createObjectNode());
    }

    private CompletableFuture<Reply> send(String view, String kind, JsonNode payload) {
        String ref = Long.toString(refs.incrementAndGet());
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        waiting.put(ref, reply);
        String text = JSON.createArrayNode().add(ref).add(view).add(kind).add(payload).toString();
        // java.net.http allows one send in flight per WebSocket: each waits for the one before.
        synchronized (this) {
            sending = sending.thenCompose(done -> ws.sendText(text, true));
            sending.whenComplete((done, failure) -> {
                if (failure != null) {
                    reply.completeExceptionally(failure);
                }
            });
        }
        return reply.orTimeout(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, failure) -> waiting.remove(ref));
    }

    /** How many frames other than replies came. */
    long pushes() {
        return pushes.get();
    }

    /** Closes as a tab that goes away does: a close frame, then the server's answering close. */
    CompletableFuture<Void> close() {
        synchronized (this) {
            sending = sending.exceptionally(failure -> null).thenCompose(done -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }
        return closed.completeOnTimeout(null, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> ws.abort());
    }

    /** Drops the connection without a close frame, as a lost network does. */
    void abort() {
        ws.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        ws = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = message.toString();
            message.setLength(0);
            receive(text, now);
        }
        webSocket.request(1);
        return null;
    }

    private void receive(String text, long now) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            pushes.incrementAndGet();
            return;
        }
        CompletableFuture<Reply> reply = frame.path(2).asText().equals("reply") ? waiting.get(frame.path(0).asText()) : null;
        if (reply == null) {
            pushes.incrementAndGet();
        } else {
            reply.complete(new Reply(frame.path(3), text.getBytes(StandardCharsets.UTF_8).length, now));
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended(new IOException("the server closed the socket: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended(error);
    }

    private void ended(Throwable why) {
        List.copyOf(waiting.values()).forEach(reply -> reply.completeExceptionally(why));
        closed.complete(null);
    }
}
