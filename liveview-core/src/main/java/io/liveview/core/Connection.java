package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.websockets.core.CloseMessage;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page's socket, as the protocol sees it: decodes the client's frames, enforces the per-socket
 * limits, and routes each frame to the {@link ViewProcess} of its view id. Frames arrive one at a
 * time on the transport's reading thread; everything that may block runs in the view processes.
 *
 * <p>Every operation on a view id happens inside {@code views.compute} for that id, so a process is
 * never forgotten while a frame for it is being queued.
 */
final class Connection implements ViewProcess.Outbox {

    /** Carries a connection's frames: the WebSocket in the server, a recorder in tests. */
    interface Transport {
        /** Queues a text frame for the client, in order; may close the socket if the client lags. */
        void send(String text);

        /** Closes the socket with a close frame; the client reconnects. */
        void close(int code, String reason);

        /**
         * A view of this socket crashed or failed to mount. Only {@link LiveViewTest} listens: it
         * hands the cause to the failing test; a browser learns no more than the frames say.
         */
        default void crashed(String viewId, Throwable cause) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final AtomicLong NEXT_NUMBER = new AtomicLong();

    private final LiveViewServer server;
    private final Transport transport;
    private final String sessionId;
    private final String base;
    private final String name = "socket " + NEXT_NUMBER.incrementAndGet();
    private final Limits limits;
    private final LogLimiter logs;
    private final Map<String, ViewProcess> views = new ConcurrentHashMap<>();
    private final AtomicInteger joinedViews = new AtomicInteger();
    private final TokenBucket rate;
    private final CrashLog crashes;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean overflowing;

    /** @param base the prefix the server is mounted under where this socket reached it, {@code ""} when standalone */
    Connection(LiveViewServer server, Transport transport, String sessionId, String base) {
        this.server = server;
        this.transport = transport;
        this.sessionId = sessionId;
        this.base = base;
        this.limits = server.config().limits();
        this.logs = server.logs();
        this.rate = new TokenBucket(limits.framesPerSecond(), limits.frameBurst(), System.nanoTime());
        this.crashes = new CrashLog(limits.maxViewsPerSocket());
    }

    /** Handles one text frame from the client. Called by one thread at a time. */
    void receive(String text) {
        Frame frame;
        try {
            frame = Frame.parse(text);
        } catch (Frame.Malformed e) {
            logs.warn(LOG, "malformed", "{}: closing: {}", name, e.getMessage());
            transport.close(CloseMessage.MSG_VIOLATES_POLICY, e.getMessage());
            return;
        } catch (Frame.BadFrame e) {
            badFrame(e);
            return;
        }
        if (!rate.tryAcquire(System.nanoTime())) {
            logs.warn(LOG, "rate_limited", "{}: over {} frames per second, refusing frames", name, limits.framesPerSecond());
            answer(frame.view(), Frame.errorReply(frame.ref(), frame.view(), "rate_limited",
                    "more than " + limits.framesPerSecond() + " frames per second; this one was dropped"));
        } else {
            try {
                dispatch(frame);
            } catch (Frame.BadFrame e) {
                badFrame(e);
            }
        }
        if (overflowing) {
            logs.warn(LOG, "overflow", "{}: closing, too many frames wait for one view", name);
            transport.close(CloseMessage.MSG_VIOLATES_POLICY, "too many frames waiting for a view");
        }
    }

    /**
     * The socket closed (or is closing): its joined views wait for the page to come back (see
     * {@link LiveViewServer.Builder#resumeGrace}), the others end. Safe to call more than once.
     */
    void closed() {
        if (!gone.compareAndSet(false, true)) {
            return;
        }
        server.forget(this);
        views.forEach((id, process) -> {
            if (process.isJoined()) {
                process.detach();
                server.lostViews().admit(id, sessionId, process.route(), process);
            } else {
                process.close(TerminateReason.CLOSED);
            }
        });
    }

    /**
     * Ends every view of this socket.
     *
     * @return done when every view has run its {@link LiveView#terminate}
     */
    CompletableFuture<Void> terminateAll(TerminateReason reason) {
        return CompletableFuture.allOf(views.values().stream().map(p -> p.close(reason)).toArray(CompletableFuture[]::new));
    }

    /** Dev mode: templates were saved; every view of this socket renders again, or its page reloads. */
    void templatesChanged(boolean layout) {
        views.values().forEach(process -> process.templatesChanged(layout));
    }

    /** Closes the socket with a close frame; the client reconnects. */
    void close(int code, String reason) {
        transport.close(code, reason);
    }

    /** @return the browser session of the page, or {@code null} if its cookie did not verify */
    String sessionId() {
        return sessionId;
    }

    /** How many view ids this socket keeps a process for (joined, or with answers still queued). */
    int processCount() {
        return views.size();
    }

    /** How many views are joined on this socket. */
    int joinedCount() {
        return joinedViews.get();
    }

    /** For {@link LiveViewTest}: see {@link ViewProcess#settle}; {@code null} when no process has the id. */
    CompletableFuture<ViewRef> settle(String viewId) {
        ViewProcess process = views.get(viewId);
        return process == null ? CompletableFuture.completedFuture(null) : process.settle();
    }

    private void badFrame(Frame.BadFrame e) {
        logs.warn(LOG, "bad_frame", "{}: bad frame: {}", name, e.getMessage());
        answer(e.view(), Frame.errorReply(e.ref(), e.view(), "bad_frame", e.getMessage()));
    }

    private void dispatch(Frame frame) throws Frame.BadFrame {
        switch (frame.kind()) {
            case Frame.HEARTBEAT -> transport.send(Frame.reply(frame.ref(), null, Frame.ok()).encode());
            case Frame.JOIN -> join(frame);
            case Frame.EVENT -> event(frame);
            case Frame.PATCH -> patch(frame);
            case Frame.LEAVE -> views.compute(frame.view(), (id, process) -> {
                if (process == null) {
                    unknownView(frame);
                } else if (!process.leave(frame.ref())) {
                    overflowing = true;
                }
                return process;
            });
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
                throw new Tokens.Rejected("invalid_token", "the token belongs to another view");
            }
            if (!server.tokens().validCsrf(sessionId, csrf) || !claims.session().id().equals(sessionId)) {
                throw new Tokens.Rejected("invalid_csrf", "the CSRF token or session does not match this browser session");
            }
        } catch (Tokens.Rejected e) {
            logs.warn(LOG, "refused " + e.reason(), "{}: join of {} refused: {}: {}", name, Echo.of(frame.view()), e.reason(), e.getMessage());
            answer(frame.view(), Frame.errorReply(frame.ref(), frame.view(), e.reason(), e.getMessage()));
            return;
        }
        LiveViewServer.Route route = server.route(claims.route());
        if (route == null) {
            answer(frame.view(), Frame.errorReply(frame.ref(), frame.view(), "unknown_route", "no live route " + claims.route()));
            return;
        }
        Map<String, String> pathValues = route.template().match(claims.path());
        Params params = Params.parse(claims.path(), rawQuery(url), pathValues == null ? Map.of() : pathValues);
        // A view of this session's lost socket resumes; else the page's first render is adopted.
        ViewProcess lost = server.lostViews().take(frame.view(), sessionId, route.path());
        ViewProcess.FirstRender firstRender = lost != null ? null : server.firstRenders().take(frame.view(), sessionId, route.path());
        views.compute(frame.view(), (id, process) -> {
            Frame refusal = null;
            if (process != null && process.isJoined()) {
                refusal = Frame.errorReply(frame.ref(), id, "already_joined", "view " + id + " is already joined on this socket");
            } else if (crashes.looping(id)) {
                logs.warn(LOG, "crash_loop", "{}: view {} crashed {} times within {} s; not mounting it again",
                        name, id, CrashLog.CRASHES, CrashLog.WINDOW.toSeconds());
                refusal = Frame.errorReply(frame.ref(), id, "crash_loop",
                        "This part of the page failed repeatedly and was stopped. Reload the page to try again.");
            } else if (joinedViews.get() >= limits.maxViewsPerSocket()) {
                logs.warn(LOG, "too_many_views", "{}: refused a join over {} views", name, limits.maxViewsPerSocket());
                refusal = Frame.errorReply(frame.ref(), id, "too_many_views",
                        "a socket may have " + limits.maxViewsPerSocket() + " views joined at once");
            }
            if (refusal != null) {
                if (lost != null) {
                    lost.close(TerminateReason.CLOSED);
                }
                if (process == null) {
                    transport.send(refusal.encode());
                } else {
                    inLine(process, refusal);
                }
                return process;
            }
            if (lost != null && process == null) {
                lost.attach(this);
                process = lost;
            } else if (lost != null) {
                // This socket had the id before (left, or crashed): its own process keeps the order.
                lost.close(TerminateReason.CLOSED);
            } else if (process == null) {
                process = new ViewProcess(id, route.path(), base, this, server);
            }
            process.claim();
            joinedViews.incrementAndGet();
            if (!process.join(frame.ref(), route.factory(), route.hooks(), params, claims.session(), pristine, claims.renderHash(), firstRender)) {
                overflowing = true;
            }
            return process;
        });
    }

    private void patch(Frame frame) throws Frame.BadFrame {
        String url = frame.text("url");
        views.compute(frame.view(), (id, process) -> {
            if (process == null) {
                unknownView(frame);
            } else if (!process.patch(frame.ref(), url)) {
                logs.warn(LOG, "overloaded", "{}: view {} is overloaded, dropped a navigation", name, id);
                inLine(process, Frame.errorReply(frame.ref(), id, "overloaded", "view " + id + " has too many queued events"));
            }
            return process;
        });
    }

    private void event(Frame frame) throws Frame.BadFrame {
        String eventName = frame.text("event");
        String type = frame.text("type");
        JsonNode target = frame.payload().get("target");
        Payload payload = new Payload(type, frame.payload().get("value"), target != null && target.isTextual() ? target.asText() : null);
        JsonNode component = frame.payload().get("cid");
        if (component != null && !(component.isInt() && component.intValue() > 0)) {
            throw new Frame.BadFrame(frame.ref(), frame.view(), "cid is a component's number, from its lv-target");
        }
        Integer cid = component == null ? null : component.intValue();
        views.compute(frame.view(), (id, process) -> {
            if (process == null) {
                unknownView(frame);
            } else if (!process.event(frame.ref(), eventName, payload, cid)) {
                logs.warn(LOG, "overloaded", "{}: view {} is overloaded, dropped an event", name, id);
                inLine(process, Frame.errorReply(frame.ref(), id, "overloaded",
                        "view " + id + " has too many queued events; '" + Echo.of(eventName) + "' was dropped"));
            }
            return process;
        });
    }

    /** Answers a frame after everything queued for its view, or at once if none is. */
    private void answer(String viewId, Frame reply) {
        if (viewId == null) {
            transport.send(reply.encode());
            return;
        }
        views.compute(viewId, (id, process) -> {
            if (process == null) {
                transport.send(reply.encode());
            } else {
                inLine(process, reply);
            }
            return process;
        });
    }

    private void inLine(ViewProcess process, Frame reply) {
        if (!process.reply(reply)) {
            overflowing = true;
        }
    }

    private void unknownView(Frame frame) {
        transport.send(Frame.errorReply(frame.ref(), frame.view(), "unknown_view",
                "no view " + Echo.of(frame.view()) + " is joined on this socket").encode());
    }

    @Override
    public void send(Frame frame) {
        transport.send(frame.encode());
    }

    @Override
    public void crashed(ViewProcess process, Throwable cause) {
        crashes.record(process.id());
        transport.crashed(process.id(), cause);
    }

    @Override
    public void released(ViewProcess process) {
        joinedViews.decrementAndGet();
    }

    @Override
    public void idle(ViewProcess process) {
        views.computeIfPresent(process.id(), (id, current) -> current == process && process.isIdle() ? null : current);
    }

    private static String rawQuery(String url) {
        try {
            return URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
