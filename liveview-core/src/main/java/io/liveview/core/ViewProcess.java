package io.liveview.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liveview.diff.Differ;
import io.liveview.diff.Op;
import io.liveview.diff.Patch;
import io.liveview.diff.PatchCodec;
import io.liveview.diff.Snapshot;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One view id on a socket: its mailbox, and the view mounted in it, if any. Everything the socket
 * reads for this id goes through the one mailbox, so the view's callbacks run one at a time and its
 * replies leave in the order the frames arrived, across leaves and rejoins. Messages, timers, async
 * results and topic deliveries go through the same mailbox.
 *
 * <p>A reply goes to the socket that sent the frame it answers, even if the view has since moved
 * to another socket (resume); pushes go to the socket the view is on when they are made.
 *
 * <p>Each mount is a {@link Mounted}: the view instance with its socket, last render, timers, tasks
 * and subscriptions. Only mailbox tasks touch it; anything that arrives for an earlier mount is
 * dropped.
 */
final class ViewProcess {

    /** Where a process sends its frames and reports changes of its state (ignored by default). */
    interface Outbox {
        void send(Frame frame);

        /** A joined view stopped being joined (left, crashed, failed to mount, socket closed). */
        default void released(ViewProcess process) {
        }

        /** The view crashed or failed to mount, for this cause. */
        default void crashed(ViewProcess process, Throwable cause) {
        }

        /** The mailbox ran dry while no view is joined: the process may be forgotten. */
        default void idle(ViewProcess process) {
        }
    }

    /** Where a view whose socket was lost sends: nowhere, until a rejoin attaches it again. */
    private static final Outbox NOWHERE = frame -> { };

    /**
     * A first render's view, kept for the page's socket to adopt (mount once).
     *
     * @param view   the instance, mounted with {@code connected() == false}
     * @param socket its assigns
     * @param params the URL it was rendered for
     */
    record FirstRender(LiveView view, Socket socket, Params params) {
    }

    /** The SLF4J MDC key of the view id, set while the view's code runs (docs/processes.md). */
    static final String MDC_VIEW = "lv.view";
    /** The SLF4J MDC key of the view's route. */
    static final String MDC_ROUTE = "lv.route";

    private static final Logger LOG = LoggerFactory.getLogger(ViewProcess.class);
    // Messages handled back to back render once, but never more than this many without a render.
    private static final int MAX_MESSAGES_PER_RENDER = 64;

    private final String id;
    private final String route;
    // The page's mount prefix: links in its renders and its redirects carry it.
    private final String base;
    private volatile Outbox outbox;
    private final LiveViewServer server;
    private final Mailbox mailbox;
    private final Metrics.Route meters;
    /**
     * The number of the claim that holds the id joined, 0 while none does. A crash or a failed mount
     * releases only its own claim: a leave and a new join may have come in while it was queued.
     */
    private final AtomicInteger joinedClaim = new AtomicInteger();
    private int lastClaim; // touched only by the socket's reading thread, like claim()
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean closed;

    // Owned by the mailbox's tasks.
    private Mounted mounted;
    private int messagesSinceRender;

    /** @param base the prefix the page's server is mounted under, {@code ""} when standalone */
    ViewProcess(String id, String route, String base, Outbox outbox, LiveViewServer server) {
        this.id = id;
        this.route = route;
        this.base = base;
        this.outbox = outbox;
        this.server = server;
        this.mailbox = new Mailbox(server.config().mailboxCapacity(), "lv-view-" + id,
                Map.of(MDC_VIEW, id, MDC_ROUTE, route), this::onIdle);
        this.meters = server.metrics().route(route);
    }

    String id() {
        return id;
    }

    String route() {
        return route;
    }

    boolean isJoined() {
        return joinedClaim.get() != 0;
    }

    boolean isIdle() {
        return !isJoined() && mailbox.isEmpty();
    }

    /** Marks the id joined; {@code false} if it already was. */
    boolean claim() {
        return joinedClaim.compareAndSet(0, ++lastClaim);
    }

    /**
     * Queues the connected mount of a claimed id: a resumed view is rendered as it is, an adopted
     * first render goes live, anything else mounts afresh. The reply carries the HTML unless the
     * page already shows it.
     *
     * @param adopted the first render's view to adopt, or {@code null}
     * @return {@code false} if the mailbox is over even its control allowance
     */
    boolean join(String ref, Supplier<? extends LiveView> factory, List<OnMount> hooks, Params params, Session session,
                 boolean pristine, String deadRenderHash, FirstRender adopted) {
        int claim = joinedClaim.get();
        Outbox replyTo = outbox;
        return mailbox.offerControl(() -> {
            if (closed) {
                return;
            }
            Mounted resumed = mounted;
            if (resumed != null) {
                resume(replyTo, ref, resumed, claim, hooks, params, session);
                return;
            }
            Mounted mount = new Mounted(claim, ref);
            mounted = mount;
            try {
                if (adopted != null) {
                    mount.view = adopted.view();
                    mount.socket = adopted.socket();
                    mount.socket.goLive(mount);
                } else {
                    mount.view = factory.get();
                    mount.socket = new Socket(id, true, mount);
                    mount.socket.assign(LiveViewServer.CSRF_ASSIGN, server.tokens().csrf(session.id()));
                }
                // The route group's hooks run on every join too: the session may have changed since.
                if (!OnMounts.pass(hooks, params, session, mount.socket)) {
                    mounted = null;
                    mount.cancelAll();
                    release(claim);
                    replyTo.send(halted(ref, mount.socket.redirectTarget()));
                    return;
                }
                mount.hooks = hooks;
                mount.session = session;
                mount.params = params;
                if (adopted == null || !adopted.params().equals(params)) {
                    long start = meters.start();
                    if (adopted == null) {
                        mount.view.mount(params, session, mount.socket);
                    }
                    if (mount.socket.redirectTarget() == null) {
                        mount.view.handleParams(params, mount.socket);
                    }
                    meters.mounted(start);
                    if (mount.socket.redirectTarget() != null) {
                        // The view sends the page elsewhere: it ends here, as if a hook had halted.
                        end(TerminateReason.LEAVE);
                        release(claim);
                        replyTo.send(halted(ref, mount.socket.redirectTarget()));
                        return;
                    }
                }
                mount.view.connected(mount.socket);
                mount.socket.takePatch(); // the join already is at the page's URL: only later callbacks move it
                mount.socket.takeChanged();
                String html = renderWhole(mount);
                ObjectNode reply = Frame.ok();
                if (!pristine || !Tokens.hash(html).equals(deadRenderHash)) {
                    reply.put("html", html);
                }
                if (adopted == null) {
                    reply.put("fresh", true); // a new instance: the page re-sends what its forms hold
                }
                mount.shownTitle = null; // the page's title is whatever its first render had
                pageUpdates(mount, reply);
                replyTo.send(Frame.reply(ref, id, reply));
            } catch (Exception | LinkageError e) {
                mounted = null;
                mount.cancelAll();
                failedMount(replyTo, ref, claim, e);
            }
        });
    }

    /** The answer to a join whose mount hook halted or whose mount redirected: go elsewhere, or refused. */
    private Frame halted(String ref, String target) {
        if (target == null) {
            return Frame.errorReply(ref, id, "forbidden", "a mount hook refused this view");
        }
        ObjectNode redirect = Frame.object().put("status", "error").put("reason", "redirect")
                .put("message", "the view sends the page elsewhere").put("to", base + target);
        return Frame.reply(ref, id, redirect);
    }

    private void failedMount(Outbox replyTo, String ref, int claim, Throwable e) {
        release(claim);
        outbox.crashed(this, e);
        server.logs().error(LOG, "mount_failed " + route, "view {} ({}): mount failed", id, route, e);
        replyTo.send(Frame.errorReply(ref, id, "mount_failed",
                "mount of " + route + " failed; the server log has the cause under view " + id));
    }

    /** The view ran on while its socket was away: the page gets its current render, whatever it shows. */
    private void resume(Outbox replyTo, String ref, Mounted mount, int claim, List<OnMount> hooks, Params params,
                        Session session) {
        mount.claim = claim;
        mount.joinRef = ref;
        mount.leaving = false; // the page that was sent elsewhere is back
        try {
            // A resumed view passes its group's hooks again: the user may have signed out meanwhile.
            if (!OnMounts.pass(hooks, params, session, mount.socket)) {
                end(TerminateReason.LEAVE);
                release(claim);
                replyTo.send(halted(ref, mount.socket.redirectTarget()));
                return;
            }
            if (!params.equals(mount.params)) {
                mount.params = params;
                mount.view.handleParams(params, mount.socket);
            }
            mount.socket.takeChanged();
            String html = renderWhole(mount);
            ObjectNode reply = Frame.ok().put("html", html);
            mount.shownTitle = null;
            pageUpdates(mount, reply);
            replyTo.send(Frame.reply(ref, id, reply));
        } catch (Exception | LinkageError e) {
            end(TerminateReason.CRASH);
            failedMount(replyTo, ref, claim, e);
        }
    }

    /**
     * The socket was lost: the view keeps running, sending nowhere, until {@link #attach} or
     * {@link #close}.
     */
    void detach() {
        release();
        outbox = NOWHERE;
        // A resume sends the whole render: the retained one (most of a big page's weight) can go.
        mailbox.offerFinal(() -> {
            if (mounted != null && outbox == NOWHERE) {
                mounted.snapshot = null;
                mounted.socket.components().forgetPage();
            }
        });
    }

    /** A rejoin on another socket takes this view over; its join follows. */
    void attach(Outbox socket) {
        outbox = socket;
    }

    /**
     * Dev mode: templates were saved. After what is queued, the joined view renders again and the
     * page gets the difference; for a layout edit, which no view's render holds, the page reloads.
     */
    void templatesChanged(boolean layout) {
        mailbox.offerControl(() -> {
            Mounted mount = mounted;
            if (closed || mount == null || mount.snapshot == null) {
                return; // nothing shown, or detached: a resume renders afresh anyway
            }
            if (layout) {
                outbox.send(Frame.push(id, Frame.RELOAD, Frame.object().put("join", mount.joinRef)));
            } else {
                mount.templatesChanged = true;
                pushRender(mount);
            }
        });
    }

    /**
     * Queues an event, for the view or, with {@code cid}, one of its components.
     *
     * @return {@code false} if the mailbox is full
     */
    boolean event(String ref, String name, Payload payload, Integer cid) {
        return whenMounted(ref, (mount, replyTo) -> {
            try {
                long start = meters.start();
                if (cid != null) {
                    if (!mount.socket.components().handleEvent(cid, name, payload)) {
                        // Dropped by a render the page had not yet applied when it sent the event.
                        replyTo.send(Frame.errorReply(ref, id, "unknown_component", "view " + id + " (" + route
                                + ") has no component " + cid + "; event '" + Echo.of(name) + "' dropped"));
                        return;
                    }
                } else if (name.equals(Socket.CLEAR_FLASH_EVENT)) {
                    mount.socket.clearFlash(payload.get("kind").orElse(null)); // a click on a flash message
                } else {
                    mount.view.handleEvent(name, payload, mount.socket);
                }
                meters.handled(start);
                answer(mount, replyTo, ref, Frame.ok());
            } catch (UnknownEventException e) {
                server.logs().warn(LOG, "unknown_event " + route, "view {} ({}): unknown event '{}'", id, route, Echo.of(name));
                replyTo.send(Frame.errorReply(ref, id, "unknown_event", "view " + id + " (" + route + "): " + e.getMessage()));
            } catch (BadPayloadException e) {
                server.logs().warn(LOG, "bad_payload " + route, "view {} ({}): event '{}' with a bad payload: {}",
                        id, route, Echo.of(name), e.getMessage());
                replyTo.send(Frame.errorReply(ref, id, "bad_payload", "event '" + Echo.of(name) + "': " + e.getMessage()));
            } catch (Exception | LinkageError e) {
                crash(mount, replyTo, ref, "event '" + Echo.of(name) + "'", e);
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
        Outbox replyTo = outbox;
        return mailbox.offerControl(() -> {
            if (!closed) {
                end(TerminateReason.LEAVE);
                replyTo.send(Frame.reply(ref, id, Frame.ok()));
            }
        });
    }

    /**
     * Sends a frame after everything queued before it.
     *
     * @return {@code false} if the mailbox is over even its control allowance
     */
    boolean reply(Frame frame) {
        Outbox replyTo = outbox;
        return mailbox.offerControl(() -> {
            if (!closed) {
                replyTo.send(frame);
            }
        });
    }

    /**
     * For {@link LiveViewTest}: completes on the view's thread once everything queued before it has
     * run, with the mounted view's address ({@code null} if none is mounted). What messages changed
     * is pushed first: the process would push it only when its mailbox ran dry, after this.
     */
    CompletableFuture<ViewRef> settle() {
        CompletableFuture<ViewRef> settled = new CompletableFuture<>();
        boolean queued = mailbox.offerControl(() -> {
            Mounted mount = closed ? null : mounted;
            if (mount != null) {
                pushRender(mount);
            }
            settled.complete(mount == null ? null : mount.self);
        });
        if (!queued) {
            settled.completeExceptionally(new IllegalStateException("view " + id + ": mailbox full"));
        }
        return settled;
    }

    /**
     * Ends the process for good: tasks still queued do nothing, the mounted view (if any) is
     * terminated with the reason. Safe from any thread, and more than once.
     *
     * @return done when the view has been terminated
     */
    CompletableFuture<Void> close(TerminateReason reason) {
        if (!closed) {
            closed = true;
            release();
            mailbox.offerFinal(() -> {
                end(reason);
                ended.complete(null);
            });
        }
        return ended;
    }

    /** Releases whatever claim holds the id joined. */
    private boolean release() {
        int claim = joinedClaim.get();
        return claim != 0 && release(claim);
    }

    private boolean release(int claim) {
        if (joinedClaim.compareAndSet(claim, 0)) {
            outbox.released(this);
            return true;
        }
        return false;
    }

    /** Terminates the mounted view, if any, and cancels what it started. */
    private void end(TerminateReason reason) {
        Mounted mount = mounted;
        if (mount == null) {
            return;
        }
        mounted = null;
        try {
            mount.view.terminate(reason, mount.socket);
        } catch (Exception | LinkageError e) {
            server.logs().warn(LOG, "terminate " + route, "view {} ({}): terminate failed: {}", id, route, e.toString());
        }
        mount.cancelAll();
    }

    /** Queues a callback from outside the view's thread: a message, a timer, an async result. */
    private void deliver(Mounted from, String what, boolean control, ViewCallback callback) {
        Runnable task = () -> {
            if (closed || mounted != from) {
                return;
            }
            try {
                callback.run(from);
                String patched = from.socket.takePatch();
                if (patched != null) {
                    from.pendingUrl = patchTo(from, patched);
                }
            } catch (Exception | LinkageError e) {
                crash(from, outbox, null, what, e);
                return;
            }
            String away = from.socket.takeRedirect();
            if (away != null) {
                from.leaving = true;
                outbox.send(Frame.push(id, Frame.REDIRECT, sendingAway(from, Frame.object().put("join", from.joinRef).put("to", base + away))));
                return;
            }
            messagesSinceRender++;
            if (mailbox.isEmpty() || messagesSinceRender >= MAX_MESSAGES_PER_RENDER) {
                pushRender(from);
            }
        };
        if (!(control ? mailbox.offerControl(task) : mailbox.offer(task))) {
            server.logs().warn(LOG, "mailbox_full " + route, "view {} ({}): mailbox full, dropped {}", id, route, what);
        }
    }

    private void onIdle() {
        Mounted mount = mounted;
        if (!closed && mount != null) {
            pushRender(mount);
        }
        if (!isJoined()) {
            outbox.idle(this);
        }
    }

    /** Renders what messages changed and pushes the difference, if any. */
    private void pushRender(Mounted mount) {
        messagesSinceRender = 0;
        if (mount.snapshot == null || mount.leaving) {
            return; // detached (the resume renders what changed) or leaving: nobody to push to
        }
        try {
            Changes changes = rerender(mount);
            ObjectNode diff = Frame.object().put("join", mount.joinRef);
            changes.putInto(diff);
            if (pageUpdates(mount, diff) || !changes.isEmpty()) {
                outbox.send(Frame.push(id, Frame.DIFF, diff));
            }
        } catch (Exception | LinkageError e) {
            crash(mount, outbox, null, "render", e);
        }
    }

    /** What a render changed on the page: the view's patch and its components'. */
    private record Changes(Patch patch, Map<Integer, Patch> components) {

        boolean isEmpty() {
            return patch.isEmpty() && components.isEmpty();
        }

        void putInto(ObjectNode payload) {
            if (!patch.isEmpty()) {
                payload.set("patch", PatchCodec.toJson(patch, JsonNodeFactory.instance));
            }
            if (!components.isEmpty()) {
                ObjectNode byCid = payload.putObject("c");
                components.forEach((cid, part) -> byCid.set(cid.toString(), PatchCodec.toJson(part, JsonNodeFactory.instance)));
            }
        }
    }

    /**
     * Renders what the last callbacks changed: the view's template if it assigned anything, then
     * each component that did (see {@link Components}).
     */
    private Changes rerender(Mounted mount) throws Exception {
        if (server.config().wholeRenders()) {
            return rerenderWhole(mount);
        }
        Components components = mount.socket.components();
        warnMissing(components.applyUpdates());
        Patch patch = Patch.empty();
        if (mount.socket.takeChanged() || mount.templatesChanged) {
            if (mount.templatesChanged) {
                components.renderAll();
            }
            mount.templatesChanged = false;
            String html = render(mount);
            long start = meters.start();
            Differ.Result result = server.differ().diff(mount.snapshot, html);
            meters.diffed(start);
            mount.snapshot = result.next();
            patch = result.patch();
        }
        if (components.isEmpty()) {
            return new Changes(patch, Map.of());
        }
        Map<Integer, Patch> parts;
        try {
            parts = components.renderComponents(server.renderer(), base, server.differ(), meters);
        } catch (RuntimeException e) {
            String shown = componentFailed(mount, e);
            return new Changes(new Patch(List.of(new Op.ReplaceChildren(List.of(), shown))), Map.of());
        }
        Set<Integer> sentWhole = new HashSet<>();
        patch = components.expand(patch, sentWhole);
        Map<Integer, Patch> shown = new TreeMap<>();
        parts.forEach((cid, part) -> shown.put(cid, components.expand(part, sentWhole)));
        shown.keySet().removeAll(sentWhole);
        components.roundDone();
        return new Changes(patch, shown);
    }

    /** {@link LiveViewServer.Builder#wholeRenders}: anything changed, everything is sent. */
    private Changes rerenderWhole(Mounted mount) throws Exception {
        Components components = mount.socket.components();
        boolean changed = mount.socket.takeChanged() | mount.templatesChanged | components.pending();
        mount.templatesChanged = false;
        if (!changed) {
            return new Changes(Patch.empty(), Map.of());
        }
        return new Changes(new Patch(List.of(new Op.ReplaceChildren(List.of(), renderWhole(mount)))), Map.of());
    }

    /**
     * The whole render, for a page that gets everything (a join, a resume): the view's with its
     * components' in place. The view keeps the snapshots to diff later renders against.
     */
    private String renderWhole(Mounted mount) throws Exception {
        Components components = mount.socket.components();
        warnMissing(components.applyUpdates());
        components.forgetPage();
        String html = render(mount);
        mount.snapshot = Snapshot.of(html);
        try {
            return components.whole(html, server.renderer(), base, server.differ(), meters);
        } catch (RuntimeException e) {
            return componentFailed(mount, e);
        }
    }

    /**
     * A component's render failed: outside dev mode the view crashes, as for any failure of its
     * own. In dev mode the view shows why in place of its content, and stays: the next render (a
     * template save, an event) renders the view and its components whole again.
     *
     * @return the view's content to show
     */
    private String componentFailed(Mounted mount, RuntimeException failure) {
        if (!server.config().devMode()) {
            throw failure;
        }
        String html = devError(failure);
        mount.snapshot = Snapshot.of(html);
        mount.socket.components().forgetPage();
        mount.socket.components().roundDone();
        return html;
    }

    private void warnMissing(List<String> components) {
        for (String component : components) {
            server.logs().warn(LOG, "send_update " + route, "view {} ({}): sendUpdate to component {}, which is not on the page",
                    id, route, component);
        }
    }

    /**
     * The page asks for another URL of this view (an {@code lv-patch} link, back or forward).
     *
     * @return {@code false} if the mailbox is full
     */
    boolean patch(String ref, String url) {
        return whenMounted(ref, (mount, replyTo) -> {
            Params params = paramsOf(url);
            if (params == null) {
                replyTo.send(Frame.errorReply(ref, id, "other_view", "'" + Echo.of(url) + "' is not a page of this view; load it"));
                return;
            }
            try {
                ObjectNode reply = Frame.ok();
                mount.socket.clearFlash(null); // the user moved on; what the view puts now shows
                if (!navigate(mount, params)) {
                    replyTo.send(Frame.reply(ref, id, reply.put("redirect", base + mount.socket.takeRedirect())));
                    return;
                }
                answer(mount, replyTo, ref, reply);
            } catch (BadParamException e) {
                replyTo.send(Frame.errorReply(ref, id, "bad_param", "'" + Echo.of(url) + "': " + e.getMessage() + "; load it"));
            } catch (Exception | LinkageError e) {
                crash(mount, replyTo, ref, "handleParams", e);
            }
        });
    }

    /**
     * A redirect takes the view's flash along (the client keeps it in a cookie for the next page's
     * first render) and says whether the page may follow it without a full load.
     */
    private ObjectNode sendingAway(Mounted mount, ObjectNode redirect) {
        if (mount.socket.redirectIsLive()) {
            redirect.put("live", true);
        }
        Map<String, String> flash = mount.socket.flash();
        if (!flash.isEmpty() && mount.session != null) {
            redirect.put("flash", server.tokens().signFlash(flash, mount.session.id()));
        }
        return redirect;
    }

    /** Queues a page's frame for the joined mount; with none joined the frame is answered {@code unknown_view}. */
    private boolean whenMounted(String ref, BiConsumer<Mounted, Outbox> task) {
        Outbox replyTo = outbox;
        return mailbox.offer(() -> {
            if (closed) {
                return;
            }
            Mounted mount = mounted;
            if (mount == null) {
                replyTo.send(Frame.errorReply(ref, id, "unknown_view", "view " + id + " is not joined on this socket"));
                return;
            }
            task.accept(mount, replyTo);
        });
    }

    /**
     * Answers a page's frame once the view handled it: a {@link Socket#pushPatch} is followed, a
     * redirect sends the page away unrendered, else the reply carries the patch, title and events.
     */
    private void answer(Mounted mount, Outbox replyTo, String ref, ObjectNode reply) throws Exception {
        followPatch(mount, reply);
        String away = mount.socket.takeRedirect();
        if (away != null) {
            // The page is about to load another one: rendering this one would be wasted, now or
            // when the mailbox goes idle.
            mount.leaving = true;
            replyTo.send(Frame.reply(ref, id, sendingAway(mount, reply.put("redirect", base + away))));
            return;
        }
        rerender(mount).putInto(reply);
        pageUpdates(mount, reply);
        replyTo.send(Frame.reply(ref, id, reply));
    }

    /**
     * The view moves to another URL of its route: the group's hooks run again when the path changed
     * (they may guard by path parameter), then {@link LiveView#handleParams}.
     *
     * @return {@code false} if a hook halted (its redirect, if any, is on the socket)
     */
    private boolean navigate(Mounted mount, Params params) throws Exception {
        if (!params.path().equals(mount.params.path()) && !OnMounts.pass(mount.hooks, params, mount.session, mount.socket)) {
            if (mount.socket.redirectTarget() == null) {
                mount.socket.redirect(mount.params.path());
            }
            return false;
        }
        mount.params = params;
        mount.view.handleParams(params, mount.socket);
        return true;
    }

    /** After an event: a {@link Socket#pushPatch} is followed, and the reply names the URL for the address bar. */
    private void followPatch(Mounted mount, ObjectNode reply) throws Exception {
        String patched = mount.socket.takePatch();
        if (patched != null) {
            String url = patchTo(mount, patched);
            if (url != null) {
                reply.put("url", url);
            }
        }
    }

    /**
     * Follows a {@link Socket#pushPatch}: within this view's route the view navigates; another
     * view's page is reached as by {@link Socket#pushNavigate}.
     *
     * @return the URL for the page's address bar, or {@code null} when it is sent elsewhere
     */
    private String patchTo(Mounted mount, String url) throws Exception {
        Params params = paramsOf(base + url);
        if (params == null) {
            mount.socket.pushNavigate(url); // another view's page
            return null;
        }
        if (!navigate(mount, params)) {
            if (mount.socket.redirectTarget() == null) {
                mount.socket.redirect(url);
            }
            return null;
        }
        return base + url;
    }

    /** The parameters of a URL the page names, or {@code null} if it is not a page of this view's route. */
    private Params paramsOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(base)) {
            return null;
        }
        path = path.substring(base.length());
        String decoded = URLDecoder.decode(path.isEmpty() ? "/" : path, StandardCharsets.UTF_8);
        LiveViewServer.Route own = server.route(route);
        Map<String, String> values = own == null ? null : own.template().match(decoded);
        return values == null ? null : Params.parse(decoded, uri.getRawQuery(), values);
    }

    /**
     * Adds to a reply or push what the page gets beside the patch: the title when it is not what the
     * page shows, the URL a message's pushPatch moved it to, and the events pushed to its hooks
     * ({@code [[name, payload], ...]}).
     *
     * @return whether anything was added
     */
    private boolean pageUpdates(Mounted mount, ObjectNode payload) {
        boolean added = titleIfChanged(mount, payload);
        if (mount.pendingUrl != null) {
            payload.put("url", mount.pendingUrl);
            mount.pendingUrl = null;
            added = true;
        }
        List<Map.Entry<String, Object>> events = mount.socket.takePushedEvents();
        if (events.isEmpty()) {
            return added;
        }
        ArrayNode list = payload.putArray("events");
        for (Map.Entry<String, Object> event : events) {
            list.addArray().add(event.getKey()).add(server.json().valueToTree(event.getValue()));
        }
        return true;
    }

    private boolean titleIfChanged(Mounted mount, ObjectNode payload) {
        String title = mount.socket.pageTitle() != null ? mount.socket.pageTitle() : server.config().title();
        if (title.equals(mount.shownTitle)) {
            return false;
        }
        payload.put("title", title);
        mount.shownTitle = title;
        return true;
    }

    private String render(Mounted mount) throws Exception {
        long start = meters.start();
        String html;
        try {
            html = mount.socket.components().renderView(server.renderer(), mount.view, base);
            mount.socket.streamsRendered(); // this render goes to the page: its streamed items are the page's now
        } catch (RuntimeException e) {
            if (!server.config().devMode()) {
                throw e;
            }
            html = devError(e);
        }
        meters.rendered(start);
        return html;
    }

    /**
     * Dev mode: instead of crashing, the view shows why its render failed, and stays; the next
     * render (a template save, an event) replaces the error.
     */
    private String devError(RuntimeException failure) {
        server.logs().error(LOG, "dev_render " + route, "view {} ({}): render failed; the page shows why", id, route, failure);
        Map<String, Object> details = DevErrors.details(failure);
        details.put("title", "This view failed to render. It renders again when a template is saved.");
        return server.renderer().render(DevErrors.BOX, details, base);
    }

    /** Ends the view after a callback threw; {@code replyTo} gets the answer to {@code ref}, if any. */
    private void crash(Mounted mount, Outbox replyTo, String ref, String during, Throwable e) {
        server.logs().error(LOG, "crash " + route, "view {} ({}) crashed in {}; its process is stopped and the page will mount it afresh",
                id, route, during, e);
        end(TerminateReason.CRASH);
        release(mount.claim);
        outbox.crashed(this, e);
        String message = "view " + id + " (" + route + ") crashed in " + during + "; the server log has the cause";
        if (ref != null) {
            replyTo.send(Frame.errorReply(ref, id, "handler_crashed", message));
        }
        outbox.send(Frame.push(id, Frame.ERROR, Frame.object().put("join", mount.joinRef)
                .put("reason", "handler_crashed").put("message", message)));
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    /** A callback run on the view's thread for a mount. */
    @FunctionalInterface
    private interface ViewCallback {
        void run(Mounted mount) throws Exception;
    }

    /** One mount of the view, and everything it started; also the socket's powers. */
    private final class Mounted implements Socket.Runtime {
        private int claim;
        // The ref of the join this mount answered (or was resumed by): stamped on its pushes, so the
        // page never applies a push of an earlier mount to a later one.
        private String joinRef;
        private LiveView view;
        private Socket socket;
        private Snapshot snapshot;
        private String shownTitle;
        // Sent elsewhere by socket.redirect: no more pushes, the page is loading another one.
        private boolean leaving;
        // The URL the view shows, and what a navigation to another path of the route runs again.
        private Params params;
        private List<OnMount> hooks = List.of();
        private Session session;
        // A message's pushPatch: the next push names it for the address bar.
        private String pendingUrl;
        private boolean templatesChanged; // dev mode: render even if nothing was assigned
        private final Consumer<Object> inbox = message -> deliver(this, "info " + Echo.of(String.valueOf(message)), false,
                mount -> mount.view.handleInfo(message, mount.socket));
        private final ViewRef self = new ViewRef(id, inbox);
        private final List<Future<?>> timers = new ArrayList<>();
        private final Map<String, Thread> tasks = new HashMap<>();
        private final Map<String, PubSub.Subscription> subscriptions = new HashMap<>();

        Mounted(int claim, String joinRef) {
            this.claim = claim;
            this.joinRef = joinRef;
        }

        @Override
        public ViewRef self() {
            return self;
        }

        @Override
        public TimerRef schedule(Duration delay, Duration period, Object message) {
            Runnable fire = () -> inbox.accept(message);
            ScheduledFuture<?> timer = period == null
                    ? server.scheduler().schedule(fire, delay.toNanos(), TimeUnit.NANOSECONDS)
                    : server.scheduler().scheduleAtFixedRate(fire, delay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
            timers.removeIf(Future::isDone);
            timers.add(timer);
            return () -> timer.cancel(false);
        }

        @Override
        public void startAsync(String name, Callable<?> task, String assignKey) {
            Thread worker = Thread.ofVirtual().name("lv-async-" + id).unstarted(() -> {
                AsyncResult result;
                try {
                    result = AsyncResult.ok(task.call());
                } catch (Exception | LinkageError e) {
                    result = AsyncResult.failed(e);
                }
                finished(name, Thread.currentThread(), result, assignKey);
            });
            Thread earlier = tasks.put(name, worker);
            if (earlier != null) {
                earlier.interrupt();
            }
            worker.start();
        }

        private void finished(String name, Thread worker, AsyncResult result, String assignKey) {
            deliver(this, "async '" + Echo.of(name) + "'", true, mount -> {
                if (!tasks.remove(name, worker)) {
                    return; // cancelled by a newer task of the same name
                }
                if (assignKey == null) {
                    mount.view.handleAsync(name, result, mount.socket);
                } else {
                    mount.socket.assign(assignKey, result.isOk() ? AsyncValue.ok(result.value()) : AsyncValue.failed(reason(result.failure())));
                }
            });
        }

        @Override
        public void subscribe(String topic) {
            subscriptions.computeIfAbsent(topic, t -> server.pubSub().subscribe(t, inbox));
        }

        @Override
        public void unsubscribe(String topic) {
            PubSub.Subscription subscription = subscriptions.remove(topic);
            if (subscription != null) {
                subscription.cancel();
            }
        }

        @Override
        public void broadcast(String topic, Object message) {
            server.pubSub().broadcast(topic, message);
        }

        @Override
        public void broadcastFrom(String topic, Object message) {
            server.pubSub().broadcastFrom(inbox, topic, message);
        }

        void cancelAll() {
            timers.forEach(timer -> timer.cancel(false));
            tasks.values().forEach(Thread::interrupt);
            subscriptions.values().forEach(PubSub.Subscription::cancel);
            timers.clear();
            tasks.clear();
            subscriptions.clear();
        }
    }
}
