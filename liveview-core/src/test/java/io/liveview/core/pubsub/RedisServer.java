package io.liveview.core.pubsub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server (from the PATH) for tests, on 127.0.0.1 and a free port, storing nothing on disk.
 * It can be stopped and started again on the same port, to play an outage. Published in
 * liveview-core's test-jar for the integration tests.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /**
     * @return a started server on a free port
     * @throws IOException if redis-server cannot be started
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static RedisServer startOnFreePort() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        RedisServer redis = new RedisServer(port);
        redis.start();
        return redis;
    }

    /** @return the URL to connect to it */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server on this port and returns once it accepts connections. */
    public void start() throws IOException, InterruptedException {
        try {
            process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException("these tests need redis-server on the PATH (Debian: apt-get install redis-server)", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!acceptsConnections()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            Thread.sleep(20);
        }
    }

    /** Stops redis-server and returns once the process is gone. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /**
     * Asks Redis how many connections subscribe a channel ({@code PUBSUB NUMSUB}): one per node
     * that has a receiver of the channel's topic.
     *
     * @return the count, or 0 while Redis cannot be reached
     */
    public long subscribers(String channel) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(command("PUBSUB", "NUMSUB", channel));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            // The answer is an array of two: the channel as a bulk string (two lines), then ":<count>".
            String count = null;
            for (int line = 0; line < 4; line++) {
                count = in.readLine();
            }
            if (count == null || !count.startsWith(":")) {
                throw new IllegalStateException("unexpected answer to PUBSUB NUMSUB: " + count);
            }
            return Long.parseLong(count.substring(1));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Encodes a command as Redis's protocol wants it: an array of bulk strings. */
    private static byte[] command(String... words) {
        StringBuilder encoded = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            encoded.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        return encoded.toString().getBytes(StandardCharsets.UTF_8);
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
