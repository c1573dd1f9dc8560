package io.liveview.core;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * A {@link Connection}'s Undertow WebSocket, holding bounded memory whatever the client does:
 * inbound messages are read up to the frame limit and the rest discarded (so an oversized one is
 * answered with close code 1009, not a reset), outbound frames wait on the channel, bounded in
 * bytes, until its I/O thread has written them, and a socket silent past the idle timeout is closed. While
 * the queue is over half full the client's frames are not read: their replies would only add to it.
 */
final class WebSocketTransport extends AbstractReceiveListener implements Connection.Transport {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    // How long a client gets to answer our close frame before the TCP connection is dropped.
    private static final long CLOSE_GRACE_MILLIS = 5_000;

    private final WebSocketChannel channel;
    private final Limits limits;
    private final LogLimiter logs;
    private final Metrics metrics;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile long lastReceived = System.nanoTime();
    private volatile XnioExecutor.Key idleCheck;
    private Connection connection;

    WebSocketTransport(WebSocketChannel channel, Limits limits, LogLimiter logs, Metrics metrics) {
        this.channel = channel;
        this.limits = limits;
        this.logs = logs;
        this.metrics = metrics;
    }

    /** Starts reading frames into the connection. */
    void start(Connection connection) {
        this.connection = connection;
        scheduleIdleCheck(limits.socketIdleTimeout().toMillis());
        channel.addCloseTask(closed -> {
            // A pending idle check holds this transport, and through it the connection, until it
            // fires (75 s by default): a server with many short visits would keep every closed one.
            idleCheck.remove();
            connection.closed();
        });
        channel.getReceiveSetter().set(this);
        channel.resumeReceives();
    }

    @Override
    public void send(String text) {
        if (closing.get()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long queued = queuedBytes.addAndGet(bytes.length);
        if (queued > limits.maxQueuedBytes()) {
            queuedBytes.addAndGet(-bytes.length);
            logs.warn(LOG, "slow_reader", "closing a socket whose client reads too slowly ({} bytes waiting)", queued);
            close(CloseMessage.MSG_VIOLATES_POLICY, "client too slow");
            return;
        }
        if (queued > limits.maxQueuedBytes() / 2) {
            // A burst of frames makes a burst of replies: stop reading the client's frames until its
            // replies are out, so a client that reads is slowed down by TCP, not disconnected.
            channel.suspendReceives();
        }
        metrics.frameOut(bytes.length);
        // Queued on the channel at once, in call order (one view's frames come from its one lane),
        // and written by the I/O thread: no thread waits for a write.
        WebSockets.sendText(ByteBuffer.wrap(bytes), channel, new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel ch, Void context) {
                written(bytes.length);
            }

            @Override
            public void onError(WebSocketChannel ch, Void context, Throwable failure) {
                LOG.debug("write failed: {}", failure.toString());
                written(bytes.length);
            }
        });
    }

    private void written(int bytes) {
        if (queuedBytes.addAndGet(-bytes) < limits.maxQueuedBytes() / 8 && !closing.get()) {
            channel.resumeReceives();
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        WebSockets.sendClose(new CloseMessage(code, reason), channel, null);
        channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        // The views end now, not when the client answers: nothing they render could reach it.
        connection.closed();
    }

    @Override
    protected void onText(WebSocketChannel ch, StreamSourceFrameChannel message) {
        new MessageReader(!closing.get()).handleEvent(message);
    }

    @Override
    protected void onBinary(WebSocketChannel ch, StreamSourceFrameChannel message) {
        new MessageReader(false).handleEvent(message);
        logs.warn(LOG, "binary", "closing a socket that sent a binary frame");
        close(CloseMessage.WRONG_CODE, "binary frames are not accepted");
    }

    @Override
    protected void onPing(WebSocketChannel ch, StreamSourceFrameChannel message) throws IOException {
        lastReceived = System.nanoTime();
        super.onPing(ch, message);
    }

    @Override
    protected void onPong(WebSocketChannel ch, StreamSourceFrameChannel message) throws IOException {
        lastReceived = System.nanoTime();
        super.onPong(ch, message);
    }

    @Override
    protected void onError(WebSocketChannel ch, Throwable error) {
        logs.warn(LOG, "socket_error", "a socket closed after an error: {}", error.toString());
        super.onError(ch, error);
    }

    private void scheduleIdleCheck(long delayMillis) {
        idleCheck = channel.getIoThread().executeAfter(this::checkIdle, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        if (!channel.isOpen() || closing.get()) {
            return;
        }
        long timeout = limits.socketIdleTimeout().toMillis();
        long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastReceived);
        if (idle >= timeout) {
            LOG.debug("closing a socket silent for {} ms", idle);
            close(CloseMessage.MSG_VIOLATES_POLICY, "idle timeout");
        } else {
            scheduleIdleCheck(timeout - idle);
        }
    }

    /**
     * Reads one whole message, keeping at most the frame limit; past it, or when not keeping at all,
     * it reads on and discards, so the client can still receive our close frame.
     */
    private final class MessageReader implements ChannelListener<StreamSourceFrameChannel> {
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[4096];
        private boolean keep;

        MessageReader(boolean keep) {
            this.keep = keep;
        }

        @Override
        public void handleEvent(StreamSourceFrameChannel message) {
            try (PooledByteBuffer pooled = channel.getBufferPool().allocate()) {
                ByteBuffer buffer = pooled.getBuffer();
                while (true) {
                    buffer.clear();
                    int read = message.read(buffer);
                    if (read == -1) {
                        if (keep && !closing.get()) {
                            metrics.frameIn();
                            connection.receive(data.toString(StandardCharsets.UTF_8));
                        }
                        return;
                    }
                    if (read == 0) {
                        message.getReadSetter().set(this);
                        message.resumeReads();
                        return;
                    }
                    lastReceived = System.nanoTime();
                    buffer.flip();
                    if (keep) {
                        keep(buffer);
                    }
                }
            } catch (IOException e) {
                onError(channel, e);
            }
        }

        private void keep(ByteBuffer buffer) {
            if (data.size() + buffer.remaining() > limits.maxFrameBytes()) {
                keep = false;
                data.reset();
                logs.warn(LOG, "too_big", "closing a socket that sent a frame over {} bytes", limits.maxFrameBytes());
                close(CloseMessage.MSG_TOO_BIG, "frame larger than " + limits.maxFrameBytes() + " bytes");
                return;
            }
            while (buffer.hasRemaining()) {
                int n = Math.min(chunk.length, buffer.remaining());
                buffer.get(chunk, 0, n);
                data.write(chunk, 0, n);
            }
        }
    }
}
