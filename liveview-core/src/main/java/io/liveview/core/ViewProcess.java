package io.liveview.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.liveview.diff.Differ;
import io.liveview.diff.Patch;
import io.liveview.diff.PatchCodec;
import io.liveview.diff.Snapshot;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mounted view on a socket: its instance, its {@link Socket} and its last render, touched only
 * by tasks of its own {@link Mailbox}, so the view's callbacks run one at a time.
 */
final class ViewProcess {

    /** Where a process sends its frames and reports its end. */
    interface Outbox {
        void send(Frame frame);

        void terminated(ViewProcess process);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ViewProcess.class);

    private final String id;
    private final String route;
    private final Outbox outbox;
    private final Mailbox mailbox;
    private final Renderer renderer;
    private final Differ differ;
    private volatile boolean stopped;

    // Owned by the mailbox's thread.
    private LiveView view;
    private Socket socket;
    private Snapshot snapshot;

    ViewProcess(String id, String route, Outbox outbox, int mailboxCapacity, Renderer renderer, Differ differ) {
        this.id = id;
        this.route = route;
        this.outbox = outbox;
        this.mailbox = new Mailbox(mailboxCapacity, "lv-view-" + id);
        this.renderer = renderer;
        this.differ = differ;
    }

    String id() {
        return id;
    }

    /** Queues the connected mount; its reply carries the HTML unless the page already shows it. */
    void join(String ref, Supplier<? extends LiveView> factory, Params params, Session session,
              boolean pristine, String deadRenderHash) {
        mailbox.offer(() -> {
            try {
                view = factory.get();
                socket = new Socket(id, true, this::info);
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
                LOG.error("view {} ({}): mount failed", id, route, e);
                stop();
                outbox.send(Frame.errorReply(ref, id, "mount_failed", "mount of " + route + " failed; the server log has the cause under view " + id));
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
            if (stopped) {
                outbox.send(Frame.errorReply(ref, id, "unknown_view", "view " + id + " has stopped"));
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
                socket.takeChanged();
                outbox.send(Frame.errorReply(ref, id, "unknown_event", "view " + id + " (" + route + "): " + e.getMessage()));
            } catch (Exception | LinkageError e) {
                crash(ref, "event '" + name + "'", e);
            }
        });
    }

    /** Queues a message for {@link LiveView#handleInfo}; dropped with a log line if the mailbox is full. */
    void info(Object message) {
        boolean queued = mailbox.offer(() -> {
            if (stopped) {
                return;
            }
            try {
                view.handleInfo(message, socket);
                Patch patch = rerender();
                if (!patch.isEmpty()) {
                    outbox.send(Frame.push(id, Frame.DIFF, Frame.object().set("patch", PatchCodec.toJson(patch, JsonNodeFactory.instance))));
                }
            } catch (Exception | LinkageError e) {
                crash(null, "info " + message, e);
            }
        });
        if (!queued) {
            LOG.warn("view {} ({}): mailbox full, dropped info {}", id, route, message);
        }
    }

    /** Stops the view at once and answers the leave. */
    void leave(String ref) {
        stop();
        outbox.send(Frame.reply(ref, id, Frame.ok()));
    }

    /** Stops the process: queued and later tasks do nothing. Safe from any thread. */
    void stop() {
        if (!stopped) {
            stopped = true;
            outbox.terminated(this);
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
        LOG.error("view {} ({}) crashed in {}; its process is stopped and the page will mount it afresh", id, route, during, e);
        stop();
        String message = "view " + id + " (" + route + ") crashed in " + during + "; the server log has the cause";
        if (ref != null) {
            outbox.send(Frame.errorReply(ref, id, "handler_crashed", message));
        }
        outbox.send(Frame.push(id, Frame.ERROR, Frame.object().put("reason", "handler_crashed").put("message", message)));
    }
}
