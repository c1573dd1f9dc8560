package io.liveview.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Attack 2 (slowloris): connections that start a request and then send one header byte every two
 * seconds, never finishing it. A server without a parse timeout keeps each one forever.
 *
 * <p>One thread sweeps all connections: it reads each with a 1 ms timeout (to notice the server's
 * close, after any answer such as 408) and every two seconds writes the next byte.
 */
final class SlowHeaders {

    private static final Duration BYTE_INTERVAL = Duration.ofSeconds(2);
    private static final byte[] START = "GET /counter HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    /**
     * What happened to the connections.
     *
     * @param closedAfterMillis for each connection, when the server closed it (ms after its start),
     *                          -1 if it was still open when the test gave up
     * @param answers           the first bytes the server answered on each closed connection
     *                          (e.g. a 408 status line), empty when it just closed
     */
    record Result(List<Long> closedAfterMillis, List<String> answers) {

        long stillOpen() {
            return closedAfterMillis.stream().filter(t -> t < 0).count();
        }

        long slowestCloseMillis() {
            return closedAfterMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private record Connection(Socket socket, long startNanos, StringBuilder answer) {
    }

    /** Opens {@code count} slow connections and watches them for at most {@code giveUpAfter}. */
    static Result run(int port, int count, Duration giveUpAfter) throws IOException {
        List<Connection> open = new ArrayList<>();
        List<Long> closedAfter = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                open.add(new Connection(socket, System.nanoTime(), new StringBuilder()));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(1);
                socket.getOutputStream().write(START);
            }
            long giveUp = System.nanoTime() + giveUpAfter.toNanos();
            long nextByte = System.nanoTime() + BYTE_INTERVAL.toNanos();
            while (!open.isEmpty() && System.nanoTime() < giveUp) {
                boolean writeNow = System.nanoTime() >= nextByte;
                if (writeNow) {
                    nextByte += BYTE_INTERVAL.toNanos();
                }
                for (Connection connection : List.copyOf(open)) {
                    if (closedByServer(connection, writeNow)) {
                        open.remove(connection);
                        connection.socket().close();
                        closedAfter.add((System.nanoTime() - connection.startNanos()) / 1_000_000);
                        answers.add(connection.answer().toString().lines().findFirst().orElse("(closed without an answer)"));
                    }
                }
                sleep(100);
            }
            open.forEach(c -> closedAfter.add(-1L));
            return new Result(closedAfter, answers);
        } finally {
            for (Connection connection : open) {
                connection.socket().close();
            }
        }
    }

    private static boolean closedByServer(Connection connection, boolean writeNow) {
        try {
            InputStream in = connection.socket().getInputStream();
            byte[] buffer = new byte[512];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (connection.answer().length() < 200) {
                    connection.answer().append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            }
            if (n < 0) {
                return true;
            }
        } catch (SocketTimeoutException e) {
            // Nothing to read: the server still holds the connection open.
        } catch (IOException e) {
            return true;
        }
        if (writeNow) {
            try {
                connection.socket().getOutputStream().write('a');
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
