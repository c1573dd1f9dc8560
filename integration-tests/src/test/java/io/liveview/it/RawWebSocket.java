package io.liveview.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client written by hand on a plain {@link Socket}, for attacks a well-behaved client
 * library would not make: it reads only when told to (java.net.http reads on its own), sends frames
 * of any size, and every read is bounded by a timeout.
 */
final class RawWebSocket implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int TEXT = 1;
    static final int CLOSE = 8;
    private static final int MAX_READ_PAYLOAD = 16 * 1024 * 1024;
    // Reads time out, writes cannot: a server that stops reading would block a writer for good.
    // Closing the socket ends any blocked write, so no socket outlives this.
    private static final Duration MAX_LIFETIME = Duration.ofSeconds(60);
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hostile-socket-reaper");
        thread.setDaemon(true);
        return thread;
    });

    /** One frame from the server. */
    record Frame(int opcode, byte[] payload) {

        JsonNode json() throws IOException {
            return JSON.readTree(payload);
        }

        /** The status code of a close frame (1005 when it carries none, as RFC 6455 says). */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /**
     * Opens the page socket of the server on 127.0.0.1 in the session of {@code cookie}.
     *
     * @param receiveBuffer the kernel receive buffer in bytes, 0 for the default; a small one makes a
     *                      client that does not read push back on the server at once
     */
    static RawWebSocket open(int port, String cookie, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            REAPER.schedule(() -> {
                socket.close();
                return null;
            }, MAX_LIFETIME.toMillis(), TimeUnit.MILLISECONDS);
            RawWebSocket ws = new RawWebSocket(socket);
            ws.handshake(port, cookie);
            return ws;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void handshake(int port, String cookie) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET /_lv/socket HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Origin: http://127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("the upgrade was refused: " + head.lines().findFirst().orElse("(nothing)"));
        }
    }

    /** Reads an HTTP response head (status line and headers) up to the blank line, at most 16 KB. */
    static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended inside a response head: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 16 * 1024) {
                throw new IOException("response head over 16 KB");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** How long a {@link #read()} may wait for the next bytes. */
    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Sends one masked text frame (clients must mask). */
    void sendText(String text) throws IOException {
        sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked text frame of any length, written with one call. */
    void sendText(byte[] payload) throws IOException {
        int headerLength = payload.length < 126 ? 2 : payload.length <= 0xffff ? 4 : 10;
        byte[] frame = new byte[headerLength + 4 + payload.length];
        frame[0] = (byte) (0x80 | TEXT);
        if (payload.length < 126) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[headerLength + i] = (byte) (mask >>> (24 - 8 * i));
        }
        int start = headerLength + 4;
        for (int i = 0; i < payload.length; i++) {
            frame[start + i] = (byte) (payload[i] ^ frame[headerLength + (i & 3)]);
        }
        out.write(frame);
    }

    /**
     * Reads the next complete message (continuation frames joined).
     *
     * @throws java.net.SocketTimeoutException when nothing came within the read timeout
     * @throws java.io.EOFException             when the server closed the connection
     */
    Frame read() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int opcode = -1;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (length < 0 || message.size() + length > MAX_READ_PAYLOAD) {
                throw new IOException("server frame of " + length + " bytes");
            }
            byte[] mask = null;
            if ((b1 & 0x80) != 0) {
                mask = new byte[4];
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            }
            int frameOpcode = b0 & 0x0f;
            if (frameOpcode >= CLOSE) {
                // Control frames may come between the fragments of a message.
                return new Frame(frameOpcode, payload);
            }
            if (opcode < 0) {
                opcode = frameOpcode;
            }
            message.write(payload);
            if ((b0 & 0x80) != 0) {
                return new Frame(opcode, message.toByteArray());
            }
        }
    }

    /** A JSON frame {@code [ref, view, kind, payload]} as text. */
    static String frame(String ref, String view, String kind, Object payload) {
        return JSON.createArrayNode().add(ref).add(view).add(kind).add(JSON.valueToTree(payload)).toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
