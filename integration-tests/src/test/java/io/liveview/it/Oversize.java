package io.liveview.it;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Attack 4: inputs far above the limits: huge request headers, a huge request body, a huge
 * WebSocket frame. Each write that the server may stop reading runs on its own daemon thread, so
 * the attack reads the answer meanwhile and never hangs on a blocked write.
 */
final class Oversize {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    /**
     * What the server did with one oversized HTTP request.
     *
     * @param status     the response status, -1 if none came
     * @param failure    why no status was read, null if one was
     * @param afterwards what the connection did next: {@code closed}, {@code open} (the server
     *                   waits for more), or the upload's outcome for a body
     */
    record Answer(int status, String failure, String afterwards) {
    }

    private Oversize() {
    }

    /** A GET whose one header is {@code bytes} long. */
    static Answer hugeHeader(int port, int bytes) throws IOException, InterruptedException {
        byte[] request = ("GET /counter HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: " + "h".repeat(bytes) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return send(request, port);
    }

    /** A POST of {@code bytes} to a page route. */
    static Answer hugeBody(int port, int bytes) throws IOException, InterruptedException {
        byte[] head = ("POST /counter HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + bytes + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + bytes);
        return send(request, port);
    }

    private static Answer send(byte[] request, int port) throws IOException, InterruptedException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            AtomicReference<String> upload = new AtomicReference<>("still uploading");
            Thread writer = writeInBackground(socket.getOutputStream(), request, upload);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            int status;
            try {
                status = status(RawWebSocket.readHead(in));
            } catch (IOException e) {
                return new Answer(-1, e.toString() + " (upload: " + upload.get() + ")", "");
            }
            // Done when the server closes, or, if it keeps the connection, once the upload is through.
            String afterwards = endOfConnection(socket, in);
            writer.join(ANSWER_TIMEOUT.toMillis());
            return new Answer(status, null, afterwards + ", upload " + upload.get());
        }
    }

    private static Thread writeInBackground(OutputStream out, byte[] bytes, AtomicReference<String> outcome) {
        Thread writer = new Thread(() -> {
            try {
                out.write(bytes);
                out.flush();
                outcome.set("complete");
            } catch (IOException e) {
                outcome.set("stopped by " + e);
            }
        }, "hostile-oversize-writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    private static String endOfConnection(Socket socket, DataInputStream in) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            while (in.read() >= 0) {
                // Skip the response body.
            }
            return "closed";
        } catch (SocketTimeoutException e) {
            return "open";
        } catch (IOException e) {
            return "closed (" + e.getMessage() + ")";
        }
    }

    private static int status(String head) throws IOException {
        String[] statusLine = head.split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + head);
        }
        return Integer.parseInt(statusLine[1]);
    }

    /** A text frame of {@code bytes} on a joined socket; returns the close code the server sent. */
    static String hugeFrame(int port, int bytes) throws IOException, InterruptedException {
        LivePage page = LivePage.load(port, "/counter", null);
        try (RawWebSocket ws = RawWebSocket.open(port, page.cookie(), 0)) {
            byte[] payload = new byte[bytes];
            Arrays.fill(payload, (byte) 'f');
            AtomicReference<String> upload = new AtomicReference<>("still uploading");
            Thread writer = new Thread(() -> {
                try {
                    ws.sendText(payload);
                    upload.set("complete");
                } catch (IOException e) {
                    upload.set("stopped by " + e);
                }
            }, "hostile-frame-writer");
            writer.setDaemon(true);
            writer.start();
            ws.readTimeout(ANSWER_TIMEOUT);
            try {
                while (true) {
                    RawWebSocket.Frame frame = ws.read();
                    if (frame.opcode() == RawWebSocket.CLOSE) {
                        return "close " + frame.closeCode();
                    }
                }
            } catch (SocketTimeoutException e) {
                return "no close frame within " + ANSWER_TIMEOUT + " (upload " + upload.get() + ")";
            } catch (EOFException e) {
                return "connection ended without a close frame (upload " + upload.get() + ")";
            } catch (IOException e) {
                return "connection failed without a close frame: " + e + " (upload " + upload.get() + ")";
            }
        }
    }
}
