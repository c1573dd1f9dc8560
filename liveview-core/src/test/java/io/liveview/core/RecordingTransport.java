package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link Connection.Transport} that keeps what the server sent and whether it closed. Replies come
 * from the views' virtual threads, so everything is guarded by this object's monitor.
 */
final class RecordingTransport implements Connection.Transport {

    /** A frame the server sent: its text, and its JSON ({@code null} if the text was not JSON). */
    record Sent(String text, JsonNode json) {
    }

    record Closing(int code, String reason) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Closing> closings = new ArrayList<>();

    @Override
    public synchronized void send(String text) {
        JsonNode json;
        try {
            json = TestClient.JSON.readTree(text);
        } catch (IOException e) {
            json = null;
        }
        sent.add(new Sent(text, json));
        notifyAll();
    }

    @Override
    public synchronized void close(int code, String reason) {
        closings.add(new Closing(code, reason));
        notifyAll();
    }

    /** Waits until a reply carries each of the refs; {@code false} if the time ran out first. */
    synchronized boolean awaitReplies(Set<String> refs, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!answered(refs)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Closing> closings() {
        return List.copyOf(closings);
    }

    synchronized boolean isClosed() {
        return !closings.isEmpty();
    }

    private boolean answered(Set<String> refs) {
        long found = sent.stream()
                .map(Sent::json)
                .filter(json -> json != null && json.path(0).isTextual() && refs.contains(json.get(0).asText()))
                .map(json -> json.get(0).asText())
                .distinct()
                .count();
        return found == refs.size();
    }
}
