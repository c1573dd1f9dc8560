package io.liveview.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link RawWebSocket} on a daemon thread while the attack writes, so the attacker is a
 * prompt reader and the replies can be counted: each reply by ref, the pushes, and how the reading
 * ended (a close frame, the end of the connection, or a silence as long as the read timeout).
 */
final class ReplyReader {

    final Map<String, JsonNode> replies = new ConcurrentHashMap<>();
    final List<JsonNode> pushes = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String end = "still reading";
    private volatile int closeCode = -1;

    /** Starts reading; each read waits at most {@code silence} for the next frame. */
    static ReplyReader start(RawWebSocket ws, Duration silence) throws IOException {
        ws.readTimeout(silence);
        ReplyReader reader = new ReplyReader();
        Thread thread = new Thread(() -> reader.run(ws), "hostile-reply-reader");
        thread.setDaemon(true);
        thread.start();
        return reader;
    }

    private void run(RawWebSocket ws) {
        try {
            while (true) {
                RawWebSocket.Frame frame = ws.read();
                if (frame.opcode() == RawWebSocket.CLOSE) {
                    closeCode = frame.closeCode();
                    end = "close frame " + closeCode;
                    return;
                }
                JsonNode json = frame.json();
                if (json.get(2).asText().equals("reply")) {
                    replies.put(json.get(0).asText(), json);
                } else {
                    pushes.add(json);
                }
            }
        } catch (SocketTimeoutException e) {
            end = "no frame for the read timeout";
        } catch (EOFException e) {
            end = "connection closed without a close frame";
        } catch (IOException e) {
            end = "read failed: " + e;
        } finally {
            ended.countDown();
        }
    }

    /** {@code ok}, or the reason of an error reply, or the kind of a frame that is no reply. */
    static String outcome(JsonNode frame) {
        if (!frame.path(2).asText().equals("reply")) {
            return frame.path(2).asText("?");
        }
        JsonNode payload = frame.get(3);
        return payload.path("status").asText("ok").equals("ok") ? "ok" : payload.path("reason").asText("?");
    }

    /** Waits until {@code count} replies are in, or the reading ended, or the timeout passed. */
    boolean awaitReplies(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (replies.size() < count && ended.getCount() > 0 && System.nanoTime() < deadline) {
            ended.await(20, TimeUnit.MILLISECONDS);
        }
        return replies.size() >= count;
    }

    /** How many replies had each outcome. */
    Map<String, Long> tally() {
        return Tally.of(replies.values().stream().map(ReplyReader::outcome).toList());
    }

    String end() {
        return end;
    }

    int closeCode() {
        return closeCode;
    }
}
