package io.liveview.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveview.diff.Differ;
import io.liveview.diff.Patch;
import io.liveview.diff.PatchCodec;
import io.liveview.diff.Snapshot;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One view id on a socket: its mailbox, and the view instance mounted in it, if any. Everything the
 * socket reads for this id goes through the one mailbox, so the view's callbacks run one at a time
 * and its replies leave in the order the frames arrived, across leaves and rejoins.
 *
 * <p>The view instance, its {@link Socket} and its last render are touched only by mailbox tasks.
 */
final class ViewProcess {

    /** Where a process sends its frames and reports changes of its state. */
    interface Outbox {
        void send(Frame frame);

        /** A joined view stopped being joined (left, crashed, failed to mount, socket closed). */
        void released(ViewProcess process);

        /** The mailbox ran dry while no view is joined: the process may be forgotten. */
        void idle(ViewProcess process);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ViewProcess.class);

    private final String id;
    private final String route;
    private final Outbox outbox;
    private final Mailbox mailbox;
    private final Renderer renderer;
    private final Differ differ;
    private final LogLimiter logs;
    private final AtomicBoolean joined = new AtomicBoolean();
    private volatile boolean closed;

    // Owned by the mailbox's tasks. The incarnation tells a mount's messages from an earlier one's.
    private LiveView view;
    private Socket socket;
    private Snapshot snapshot;
    private int incarnation;

    ViewProcess(String id, String route, Outbox outbox, int mailboxCapacity, Renderer renderer, Differ differ,
                LogLimiter logs) {
        this.id = id;
        this.route = route;
        this.outbox = outbox;
        this.mailbox = new Mailbox(mailboxCapacity, "lv-view-" + id, this::onIdle);
        this.renderer = renderer;
        this.differ = differ;
        this.logs = logs;
    }

    String id() {
        return id;
    }

    boolean isJoined() {
        return joined.get();
    }

    boolean isIdle() {
        return !joined.get() && mailbox.isEmpty();
    }

    /** Marks the id joined; {@code false} if it already was. */
    boolean claim() {
        return joined.compareAndSet(false, true);
    }

    /**
     * Queues the connected mount of a claimed id; its reply carries the HTML unless the page
     * already shows it.
     *
     * @return {@code false} if the mailbox is over even its control allowance
     */
    boolean join(String ref, Supplier<? extends LiveView> factory, Params params, Session session,
                 boolean pristine, String deadRenderHash) {
        return mailbox.offerControl(() -> {
            if (closed) {
                return;
            }
            int mounted = ++incarnation;
            try {
                view = factory.get();
                socket = new Socket(id, true, message -> info(mounted, message));
                view.mount(params, session, socket);
                socket.takeChanged();
                String html = render();
                snapshot = Snapshot.of(html);
                ObjectNode reply = Frame.ok();
                if (!pristine || !Tokens.hash(html).equals(deadRenderHash)) {
                    reply.put("html", html);
                }
                outbox.send(Frame.reply(ref, id, reply));
            } catch (Exception | LinkageError e) {
                unmount();
                release();
                logs.error(LOG, "mount_failed " + route, "view {} ({}): mount failed", id, route, e);
                outbox.send(Frame.errorReply(ref, id, "mount_failed",
                        "mount of " + route + " failed; the server log has the cause under view " + id));
            }
        });
    }

    /**
     * Queues an event.
     *
     * @return {@code false} if the mailbox is full
     */
    boolean event(String ref, String name, Payload payload) {
        return mailbox.offer(() -> {
            if (closed) {
                return;
            }
            if (view == null) {
                outbox.send(Frame.errorReply(ref, id, "unknown_view", "view " + id + " is not joined on this socket"));
                return;
            }
            try {
                view.handleEvent(name, payload, socket);
                ObjectNode reply = Frame.ok();
                Patch patch = rerender();
                if (!patch.isEmpty()) {
                    reply.set("patch", PatchCodec.toJson(patch, JsonNodeFactory.instance));
                }
                outbox.send(Frame.reply(ref, id, reply));
            } catch (UnknownEventException e) {
                logs.warn(LOG, "unknown_event " + route, "view {} ({}): unknown event '{}'", id, route, Echo.of(name));
                outbox.send(Frame.errorReply(ref, id, "unknown_event", "view " + id + " (" + route + "): " + e.getMessage()));
            } catch (BadPayloadException e) {
                logs.warn(LOG, "bad_payload " + route, "view {} ({}): event '{}' with a bad payload: {}",
                        id, route, Echo.of(name), e.getMessage());
                outbox.send(Frame.errorReply(ref, id, "bad_payload", "event '" + Echo.of(name) + "': " + e.getMessage()));
            } catch (Exception | LinkageError e) {
                crash(ref, "event '" + Echo.of(name) + "'", e);
            }
        });
    }

    /**
     * Ends the joined view and answers the leave, after everything queued before it.
     *
     * @return {@code false} if the mailbox is over even its control allowance
     */
    boolean leave(String ref) {
        if (!release()) {
            return reply(Frame.errorReply(ref, id, "unknown_view", "view " + id + " is not joined on this socket"));
        }
        return mailbox.offerControl(() -> {
            if (!closed) {
                unmount();
                outbox.send(Frame.reply(ref, id, Frame.ok()));
            }
        });
    }

    /**
     * Sends a frame after everything queued before it.
     *
     * @return {@code false} if the mailbox is over even its control allowance
     */
    boolean reply(Frame frame) {
        return mailbox.offerControl(() -> {
            if (!closed) {
                outbox.send(frame);
            }
        });
    }

    /** The socket is gone: queued and later tasks do nothing. Safe from any thread. */
    void close() {
        closed = true;
        release();
    }

    /** Queues a message for {@link LiveView#handleInfo}; dropped with a log line if the mailbox is full. */
    private void info(int sender, Object message) {
        boolean queued = mailbox.offer(() -> {
            if (closed || view == null || sender != incarnation) {
                return;
            }
            try {
                view.handleInfo(message, socket);
                Patch patch = rerender();
                if (!patch.isEmpty()) {
                    outbox.send(Frame.push(id, Frame.DIFF, Frame.object().set("patch", PatchCodec.toJson(patch, JsonNodeFactory.instance))));
                }
            } catch (Exception | LinkageError e) {
                crash(null, "info " + Echo.of(String.valueOf(message)), e);
            }
        });
        if (!queued) {
            logs.warn(LOG, "mailbox_full " + route, "view {} ({}): mailbox full, dropped a message", id, route);
        }
    }

    private boolean release() {
        if (joined.compareAndSet(true, false)) {
            outbox.released(this);
            return true;
        }
        return false;
    }

    private void unmount() {
        view = null;
        socket = null;
        snapshot = null;
    }

    private void onIdle() {
        if (!joined.get()) {
            outbox.idle(this);
        }
    }

    private Patch rerender() {
        if (!socket.takeChanged()) {
            return Patch.empty();
        }
        Differ.Result result = differ.diff(snapshot, render());
        snapshot = result.next();
        return result.patch();
    }

    private String render() {
        return renderer.render(view.template(), socket.assigns());
    }

    private void crash(String ref, String during, Throwable e) {
        logs.error(LOG, "crash " + route, "view {} ({}) crashed in {}; its process is stopped and the page will mount it afresh",
                id, route, during, e);
        unmount();
        release();
        String message = "view " + id + " (" + route + ") crashed in " + during + "; the server log has the cause";
        if (ref != null) {
            outbox.send(Frame.errorReply(ref, id, "handler_crashed", message));
        }
        outbox.send(Frame.push(id, Frame.ERROR, Frame.object().put("reason", "handler_crashed").put("message", message)));
    }
}
