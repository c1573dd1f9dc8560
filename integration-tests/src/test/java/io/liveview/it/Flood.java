package io.liveview.it;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attack 1: sockets that join a counter, then send events with huge unknown names as fast as they
 * can and never read a byte, so every reply the server makes has to wait on the server. After the
 * flood each socket is drained, to see what the server answered and whether it closed the socket.
 */
final class Flood {

    /** The event name: large, but the frame stays under the 64 KB frame limit. */
    static final String NAME = "x".repeat(60_000);
    // A small receive buffer, so the client's kernel soaks up almost nothing the server sends.
    private static final int RECEIVE_BUFFER = 8 * 1024;
    private static final Duration DRAIN_BUDGET = Duration.ofSeconds(5);
    // Enough to tell whether the server held more than it may (see HostileTest), little enough to be quick.
    private static final long DRAIN_CAP_BYTES = 16L * 1024 * 1024;

    /**
     * What one flooding socket did and saw.
     *
     * @param framesSent   event frames written
     * @param writeError   why the writing failed before the deadline, null if it did not
     * @param replies      replies read in the drain, by outcome
     * @param drainedBytes payload bytes read in the drain
     * @param closeCode    the code of the server's close frame, -1 if none was read
     * @param drainEnd     how the drain ended
     */
    record Socket(long framesSent, String writeError, Map<String, Long> replies, long drainedBytes, int closeCode,
                  String drainEnd) {

        boolean closedByServer() {
            return closeCode >= 0 || drainEnd.startsWith("connection ended") || writeError != null;
        }
    }

    private final RawWebSocket ws;
    private final Thread writer;
    private final Thread drainer;
    private volatile long framesSent;
    private volatile String writeError;
    private volatile Socket result;

    // Each socket writes on one thread and, from the deadline on, drains on another: a write may
    // block for good when the server stops reading, and reading is what may unblock it.
    private Flood(RawWebSocket ws, String viewId, long deadlineNanos) {
        this.ws = ws;
        this.writer = daemon(() -> write(viewId, deadlineNanos), "hostile-flood-writer");
        this.drainer = daemon(() -> {
            sleepUntil(deadlineNanos);
            result = drain();
        }, "hostile-flood-drainer");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Floods from {@code sockets} sockets for {@code duration}, then drains and closes each. */
    static List<Socket> run(int port, int sockets, Duration duration) throws Exception {
        List<Flood> floods = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            for (int i = 0; i < sockets; i++) {
                LivePage page = LivePage.load(port, "/counter", null);
                RawWebSocket ws = RawWebSocket.open(port, page.cookie(), RECEIVE_BUFFER);
                floods.add(new Flood(ws, page.viewId(), deadline));
                ws.sendText(RawWebSocket.frame("1", page.viewId(), "join", Map.of(
                        "token", page.token(), "csrf", page.csrf(), "url", "http://127.0.0.1:" + port + "/counter",
                        "pristine", true)));
            }
            floods.forEach(f -> {
                f.writer.start();
                f.drainer.start();
            });
            List<Socket> results = new ArrayList<>();
            for (Flood flood : floods) {
                flood.drainer.join(duration.plus(DRAIN_BUDGET).plusSeconds(5).toMillis());
                results.add(flood.result != null ? flood.result
                        : new Socket(flood.framesSent, flood.writeError, Map.of(), 0, -1, "drain did not end"));
            }
            return results;
        } finally {
            for (Flood flood : floods) {
                // Closing unblocks a writer stuck because the server stopped reading.
                flood.ws.close();
                flood.writer.join(5_000);
                flood.drainer.join(5_000);
            }
        }
    }

    private void write(String viewId, long deadlineNanos) {
        long ref = 2;
        try {
            while (System.nanoTime() < deadlineNanos) {
                ws.sendText(RawWebSocket.frame(String.valueOf(ref++), viewId, "event",
                        Map.of("type", "click", "event", NAME, "value", Map.of())));
                framesSent++;
            }
        } catch (IOException e) {
            writeError = e.toString();
        }
    }

    // Reads what the server sent while nobody read, until its close frame, the end of the
    // connection, a second of silence, or the budget.
    private Socket drain() {
        List<String> outcomes = new ArrayList<>();
        long bytes = 0;
        int closeCode = -1;
        String end;
        long stop = System.nanoTime() + DRAIN_BUDGET.toNanos();
        try {
            ws.readTimeout(Duration.ofSeconds(1));
            while (true) {
                if (System.nanoTime() > stop || bytes > DRAIN_CAP_BYTES) {
                    end = "drain budget used up";
                    break;
                }
                RawWebSocket.Frame frame = ws.read();
                bytes += frame.payload().length;
                if (frame.opcode() == RawWebSocket.CLOSE) {
                    closeCode = frame.closeCode();
                    end = "close frame";
                    break;
                }
                outcomes.add(ReplyReader.outcome(frame.json()));
            }
        } catch (SocketTimeoutException e) {
            end = "silence";
        } catch (EOFException e) {
            end = "connection ended";
        } catch (IOException e) {
            end = "connection ended: " + e;
        }
        return new Socket(framesSent, writeError, Tally.of(outcomes), bytes, closeCode, end);
    }

    private static void sleepUntil(long nanos) {
        try {
            Thread.sleep(Math.max(0, (nanos - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
