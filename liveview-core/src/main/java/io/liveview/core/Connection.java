package io.liveview.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page's WebSocket: decodes frames, routes them to the joined views' processes, and writes
 * their frames back in order. Frames are read on Undertow's I/O thread; everything that may block
 * (mounts, handlers, renders, writes) runs on virtual threads.
 */
final class Connection extends AbstractReceiveListener implements ViewProcess.Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int OUTBOX_CAPACITY = 10_000;

    private final LiveViewServer server;
    private final WebSocketChannel channel;
    private final String sessionId;
    private final Map<String, ViewProcess> views = new ConcurrentHashMap<>();
    private final Mailbox writer;

    Connection(LiveViewServer server, WebSocketChannel channel, String sessionId) {
        this.server = server;
        this.channel = channel;
        this.sessionId = sessionId;
        this.writer = new Mailbox(OUTBOX_CAPACITY, "lv-socket-writer");
        channel.addCloseTask(closed -> stopViews());
    }

    @Override
    protected long getMaxTextBufferSize() {
        // Beyond this Undertow sends close 1009 itself and reports an error (see onError).
        return server.config().limits().maxFrameBytes();
    }

    @Override
    protected long getMaxBinaryBufferSize() {
        return server.config().limits().maxFrameBytes();
    }

    @Override
    protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
        String text = message.getData();
        Frame frame;
        try {
            frame = Frame.parse(server.json(), text);
        } catch (JsonProcessingException e) {
            LOG.warn("socket {}: closing, a frame is not JSON ({} chars)", sessionId, text.length());
            close(CloseMessage.MSG_VIOLATES_POLICY, "frame is not JSON");
            return;
        } catch (Frame.BadFrame e) {
            LOG.warn("socket {}: bad frame: {}", sessionId, e.getMessage());
            send(Frame.errorReply(e.ref(), e.view(), "bad_frame", e.getMessage()));
            return;
        }
        try {
            dispatch(frame);
        } catch (Frame.BadFrame e) {
            LOG.warn("socket {}: bad {} frame: {}", sessionId, frame.kind(), e.getMessage());
            send(Frame.errorReply(frame.ref(), frame.view(), "bad_frame", e.getMessage()));
        }
    }

    @Override
    protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
        message.getData().free();
        LOG.warn("socket {}: closing, binary frames are not part of the protocol", sessionId);
        close(CloseMessage.WRONG_CODE, "binary frames are not accepted");
    }

    @Override
    protected void onError(WebSocketChannel ch, Throwable error) {
        LOG.warn("socket {}: closed after an error: {}", sessionId, error.toString());
        super.onError(ch, error);
    }

    private void dispatch(Frame frame) throws Frame.BadFrame {
        switch (frame.kind()) {
            case Frame.HEARTBEAT -> send(Frame.reply(frame.ref(), null, Frame.ok()));
            case Frame.JOIN -> join(frame);
            case Frame.EVENT -> event(frame);
            case Frame.LEAVE -> {
                // Forget the view now, so a join right behind the leave is not refused as a duplicate.
                ViewProcess process = views.remove(frame.view());
                if (process == null) {
                    unknownView(frame);
                } else {
                    process.leave(frame.ref());
                }
            }
            default -> throw new IllegalStateException("Frame.parse accepted kind " + frame.kind());
        }
    }

    private void join(Frame frame) throws Frame.BadFrame {
        String token = frame.text("token");
        String csrf = frame.text("csrf");
        String url = frame.text("url");
        boolean pristine = frame.payload().path("pristine").asBoolean(false);
        Tokens.ViewClaims claims;
        try {
            claims = server.tokens().verifyView(token);
            if (!claims.viewId().equals(frame.view())) {
                throw new Tokens.Rejected("invalid_token", "the token belongs to view " + claims.viewId());
            }
            if (!server.tokens().validCsrf(sessionId, csrf) || !claims.session().id().equals(sessionId)) {
                throw new Tokens.Rejected("invalid_csrf", "the CSRF token or session does not match this browser session");
            }
        } catch (Tokens.Rejected e) {
            LOG.warn("socket {}: join of {} refused: {}: {}", sessionId, frame.view(), e.reason(), e.getMessage());
            send(Frame.errorReply(frame.ref(), frame.view(), e.reason(), e.getMessage()));
            return;
        }
        LiveViewServer.Route route = server.route(claims.route());
        if (route == null) {
            send(Frame.errorReply(frame.ref(), frame.view(), "unknown_route", "no live route " + claims.route()));
            return;
        }
        ViewProcess process = new ViewProcess(frame.view(), route.path(), this,
                server.config().mailboxCapacity(), server.renderer(), server.differ());
        if (views.putIfAbsent(frame.view(), process) != null) {
            send(Frame.errorReply(frame.ref(), frame.view(), "already_joined", "view " + frame.view() + " is already joined on this socket"));
            return;
        }
        process.join(frame.ref(), route.factory(), Params.parse(route.path(), rawQuery(url)), claims.session(), pristine, claims.renderHash());
    }

    private void event(Frame frame) throws Frame.BadFrame {
        String name = frame.text("event");
        String type = frame.text("type");
        JsonNode target = frame.payload().get("target");
        Payload payload = new Payload(type, frame.payload().get("value"), target != null && target.isTextual() ? target.asText() : null);
        ViewProcess process = views.get(frame.view());
        if (process == null) {
            unknownView(frame);
        } else if (!process.event(frame.ref(), name, payload)) {
            LOG.warn("socket {}: view {} is overloaded, dropped event '{}'", sessionId, frame.view(), name);
            send(Frame.errorReply(frame.ref(), frame.view(), "overloaded", "view " + frame.view() + " has too many queued events; '" + name + "' was dropped"));
        }
    }

    private void unknownView(Frame frame) {
        send(Frame.errorReply(frame.ref(), frame.view(), "unknown_view", "no view " + frame.view() + " is joined on this socket"));
    }

    @Override
    public void send(Frame frame) {
        String text = frame.encode();
        boolean queued = writer.offer(() -> {
            try {
                WebSockets.sendTextBlocking(text, channel);
            } catch (IOException e) {
                LOG.debug("socket {}: write failed: {}", sessionId, e.toString());
            }
        });
        if (!queued) {
            LOG.warn("socket {}: closing, the client reads too slowly ({} frames waiting)", sessionId, OUTBOX_CAPACITY);
            close(CloseMessage.MSG_VIOLATES_POLICY, "client too slow");
        }
    }

    @Override
    public void terminated(ViewProcess process) {
        views.remove(process.id(), process);
    }

    /** Closes the socket with a close frame; the client reconnects. */
    void close(int code, String reason) {
        WebSockets.sendClose(new CloseMessage(code, reason), channel, null);
    }

    private static String rawQuery(String url) {
        try {
            return URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void stopViews() {
        new ArrayList<>(views.values()).forEach(ViewProcess::stop);
        server.forget(this);
    }
}
