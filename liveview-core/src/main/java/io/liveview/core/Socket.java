package io.liveview.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A view's assigns (the variables its template renders) and its powers: messages, timers, async
 * work and topics. Only the view's own process touches its socket, so nothing here needs
 * synchronisation; to reach the view from another thread, use {@link #self()}.
 *
 * <p>During the first HTTP render ({@link #connected()} is {@code false}) there is no process: the
 * powers do nothing there (a timer never fires, a topic delivers nothing), and
 * {@link #assignAsync} only assigns the loading state.
 */
public final class Socket {

    /** What the powers do: the view's process when connected, nothing during the first render. */
    interface Runtime {
        ViewRef self();

        /** Schedules a message to the view; {@code period} {@code null} for once. */
        TimerRef schedule(Duration delay, Duration period, Object message);

        /** Runs a task off the view's thread; {@code assignKey} non-null for {@link #assignAsync}. */
        void startAsync(String name, Callable<?> task, String assignKey);

        void subscribe(String topic);

        void unsubscribe(String topic);

        void broadcast(String topic, Object message);

        void broadcastFrom(String topic, Object message);
    }

    /** The powers of the first HTTP render: none. */
    static Runtime disconnected(String viewId) {
        ViewRef nowhere = new ViewRef(viewId, message -> { });
        return new Runtime() {
            @Override
            public ViewRef self() {
                return nowhere;
            }

            @Override
            public TimerRef schedule(Duration delay, Duration period, Object message) {
                return () -> { };
            }

            @Override
            public void startAsync(String name, Callable<?> task, String assignKey) {
            }

            @Override
            public void subscribe(String topic) {
            }

            @Override
            public void unsubscribe(String topic) {
            }

            @Override
            public void broadcast(String topic, Object message) {
            }

            @Override
            public void broadcastFrom(String topic, Object message) {
            }
        };
    }

    /** The layout's variable for the page title. */
    static final String PAGE_TITLE = "pageTitle";
    /** The templates' variable for the flash, and the event a click on a flash message sends. */
    static final String FLASH = "flash";
    static final String CLEAR_FLASH_EVENT = "lv:clear-flash";

    private final String viewId;
    private final Map<String, Object> assigns = new LinkedHashMap<>();
    private final Map<String, Object> readOnlyAssigns = Collections.unmodifiableMap(assigns);
    private boolean connected;
    private Runtime runtime;
    private boolean changed;
    private String redirect;
    private boolean redirectLive; // pushNavigate: the page may swap in the next one over its socket
    private String patchTo;
    private List<Map.Entry<String, Object>> pushedEvents = List.of();
    private final Components components = new Components(this);

    Socket(String viewId, boolean connected, Runtime runtime) {
        this.viewId = viewId;
        this.connected = connected;
        this.runtime = runtime;
        assigns.put(FLASH, Map.of()); // templates can read ${flash} before anything was put
    }

    /**
     * @return {@code true} when the browser's socket joined this view; {@code false} during the
     *     first HTTP render, where expensive work (subscriptions, timers, queries for live data)
     *     should be skipped
     */
    public boolean connected() {
        return connected;
    }

    /**
     * @return the id of the view's root element, unique per mounted view
     */
    public String id() {
        return viewId;
    }

    /**
     * Sets an assign. The template is rendered again after the current callback.
     *
     * @param key   the template variable name
     * @param value its value
     * @return this socket
     */
    public Socket assign(String key, Object value) {
        assigns.put(Objects.requireNonNull(key, "key"), value);
        // Always re-render: values are often mutable collections changed in place.
        changed = true;
        return this;
    }

    /**
     * Replaces an assign with a function of its current value.
     *
     * @param key    the template variable name; it must have been assigned before
     * @param update computes the new value from the current one
     * @param <T>    the value's type
     * @return this socket
     * @throws IllegalStateException if {@code key} was never assigned
     */
    @SuppressWarnings("unchecked")
    public <T> Socket update(String key, Function<T, T> update) {
        if (!assigns.containsKey(key)) {
            throw new IllegalStateException("view " + viewId + ": cannot update '" + key + "', it was never assigned");
        }
        return assign(key, update.apply((T) assigns.get(key)));
    }

    /**
     * Sets a typed assign. The template is rendered again after the current callback.
     *
     * @param key   the variable's typed name
     * @param value its value
     * @param <T>   the value's type
     * @return this socket
     */
    public <T> Socket assign(Assign<T> key, T value) {
        return assign(key.name(), value);
    }

    /**
     * Replaces a typed assign with a function of its current value: {@code socket.update(COUNT, n -> n + 1)}.
     *
     * @param key    the variable's typed name; it must have been assigned before
     * @param update computes the new value from the current one
     * @param <T>    the value's type
     * @return this socket
     * @throws IllegalStateException if {@code key} was never assigned
     */
    public <T> Socket update(Assign<T> key, UnaryOperator<T> update) {
        return update(key.name(), update);
    }

    /**
     * @param key the variable's typed name
     * @param <T> the value's type
     * @return its current value, or {@code null}
     */
    public <T> T get(Assign<T> key) {
        return get(key.name());
    }

    /**
     * Shows a message to the user, e.g. {@code putFlash("info", "Saved")}: templates show
     * {@code ${flash}} (kind to message), e.g. with core's fragment
     * {@code <div th:replace="~{liveview/flash :: flash}"></div>}. A click on a message clears it; so
     * does the page's next move to another URL of the view. A flash put before
     * {@link #redirect} is shown by the next page.
     *
     * @param kind    what kind of message, e.g. {@code info} or {@code error}; one message per kind
     * @param message the text
     * @return this socket
     */
    public Socket putFlash(String kind, String message) {
        Map<String, String> flash = new LinkedHashMap<>(flash());
        flash.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(message, "message"));
        return assign(FLASH, Collections.unmodifiableMap(flash));
    }

    /**
     * Clears the flash.
     *
     * @param kind the kind to clear, or {@code null} for every kind
     * @return this socket
     */
    public Socket clearFlash(String kind) {
        if (flash().isEmpty() || kind != null && !flash().containsKey(kind)) {
            return this;
        }
        Map<String, String> flash = new LinkedHashMap<>(flash());
        if (kind == null) {
            flash.clear();
        } else {
            flash.remove(kind);
        }
        return assign(FLASH, Collections.unmodifiableMap(flash));
    }

    /** The flash: kind to message, empty when there is none. */
    @SuppressWarnings("unchecked")
    Map<String, String> flash() {
        Object flash = assigns.get(FLASH);
        return flash == null ? Map.of() : (Map<String, String>) flash;
    }

    /**
     * Sets the page's title: the layout's {@code <title>} on the first render ({@code ${pageTitle}}),
     * and {@code document.title} when it changes while the page is live.
     *
     * @param title the title; {@code null} for the server's default ({@link LiveViewServer.Builder#title})
     * @return this socket
     */
    public Socket pageTitle(String title) {
        return assign(PAGE_TITLE, title);
    }

    /** The page's title, or {@code null} when the view set none. */
    String pageTitle() {
        return (String) assigns.get(PAGE_TITLE);
    }

    /**
     * @param key a template variable name
     * @param <T> the value's type
     * @return its current value, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) assigns.get(key);
    }

    /**
     * @return a read-only view of all assigns
     */
    public Map<String, Object> assigns() {
        return readOnlyAssigns;
    }

    /**
     * @return this view's address, for other threads and other code to send it messages
     */
    public ViewRef self() {
        return runtime.self();
    }

    /**
     * Sends a message to this view's own process; {@link LiveView#handleInfo} receives it after the
     * current callback.
     *
     * @param message the message
     */
    public void send(Object message) {
        runtime.self().send(Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends this view a message after a delay. Cancelled when the view ends.
     *
     * @param delay   how long to wait
     * @param message what {@link LiveView#handleInfo} receives
     * @return the timer, to cancel it
     */
    public TimerRef sendAfter(Duration delay, Object message) {
        return runtime.schedule(nonNegative(delay), null, Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends this view a message every period, the first after one period. Cancelled when the view
     * ends. A view too busy to keep up gets the messages its mailbox has room for.
     *
     * @param period  the time between messages, at least 1 ms
     * @param message what {@link LiveView#handleInfo} receives each time
     * @return the timer, to cancel it
     */
    public TimerRef every(Duration period, Object message) {
        if (period == null || period.toMillis() < 1) {
            throw new IllegalArgumentException("a period is at least 1 ms: " + period);
        }
        return runtime.schedule(period, period, Objects.requireNonNull(message, "message"));
    }

    /**
     * Runs a task on its own virtual thread while the view goes on answering events; its result or
     * exception comes back through the mailbox to {@link LiveView#handleAsync}. Starting a task
     * under a name that is still running cancels the earlier one. When the view ends, its tasks are
     * interrupted and their results dropped.
     *
     * @param name names the task in {@code handleAsync}
     * @param task the work, e.g. a slow query
     */
    public void startAsync(String name, Callable<?> task) {
        runtime.startAsync(Objects.requireNonNull(name, "name"), Objects.requireNonNull(task, "task"), null);
    }

    /**
     * Assigns an {@link AsyncValue} computed off the view's thread: loading now, then ok with the
     * task's value or failed with its exception's message. Like {@link #startAsync}, without a
     * callback to write.
     *
     * @param key  the template variable name
     * @param task computes the value
     * @return this socket
     */
    public Socket assignAsync(String key, Callable<?> task) {
        assign(key, AsyncValue.loading());
        runtime.startAsync("assign:" + key, Objects.requireNonNull(task, "task"), key);
        return this;
    }

    /**
     * Delivers the messages broadcast on a topic to {@link LiveView#handleInfo} until the view ends
     * or {@link #unsubscribe}s. Subscribing twice is the same as once.
     *
     * @param topic the topic's name
     */
    public void subscribe(String topic) {
        runtime.subscribe(Objects.requireNonNull(topic, "topic"));
    }

    /**
     * @param topic a topic this view subscribed to
     */
    public void unsubscribe(String topic) {
        runtime.unsubscribe(Objects.requireNonNull(topic, "topic"));
    }

    /**
     * Sends a message to every subscriber of a topic, this view included if it subscribed.
     *
     * @param topic   the topic's name
     * @param message the message
     */
    public void broadcast(String topic, Object message) {
        runtime.broadcast(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(message, "message"));
    }

    /**
     * Sends a message to every subscriber of a topic except this view.
     *
     * @param topic   the topic's name
     * @param message the message
     */
    public void broadcastFrom(String topic, Object message) {
        runtime.broadcastFrom(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(message, "message"));
    }

    private static Duration nonNegative(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a delay is zero or more: " + delay);
        }
        return delay;
    }

    /**
     * Sends the page elsewhere with a full page load. From an {@link OnMount} hook that halts or
     * from {@link LiveView#mount}, the first render answers 302 and a join's reply names the path;
     * from {@link LiveView#handleEvent}, {@link LiveView#handleInfo} or {@link LiveView#handleAsync},
     * the page loads the path once the callback returns (nothing is rendered for it). Only paths of
     * this site are followed: anything that is not a single-'/' path becomes {@code /}. Name the
     * path as routes name it: a server mounted under a prefix puts the prefix in front.
     *
     * @param path where to go, e.g. {@code /login?next=/todo}
     * @return this socket
     */
    public Socket redirect(String path) {
        this.redirect = Response.sameOrigin(path);
        this.redirectLive = false;
        return this;
    }

    /**
     * Sends the page to another live view without a full page load, from {@link LiveView#handleEvent},
     * {@link LiveView#handleInfo} or {@link LiveView#handleAsync}: once the callback returns, the
     * page fetches the path's first render, swaps its body for the new page's, leaves this view and
     * joins the new one over the same socket (docs/navigation.md). The flash goes along. A path that
     * is not a live page of this site is loaded as by {@link #redirect}; so is every call from
     * {@link LiveView#mount} or an {@link OnMount} hook, where there is no page yet to keep.
     *
     * @param path where to go, e.g. {@code /todo/7}
     * @return this socket
     */
    public Socket pushNavigate(String path) {
        this.redirect = Response.sameOrigin(path);
        this.redirectLive = true;
        return this;
    }

    /**
     * Adds items to the end of a stream, or replaces the page's element of an item whose DOM id it
     * shows already, in place. The view keeps none of them once the page has them.
     *
     * @param stream the stream
     * @param items  the items, in order
     * @param <T>    the items' type
     * @return this socket
     * @see LiveStream
     */
    public <T> Socket stream(LiveStream<T> stream, Collection<? extends T> items) {
        StreamState state = streamState(stream);
        for (T item : items) {
            state.insert(stream.domId(item), item, -1, null);
        }
        return this;
    }

    /**
     * Adds one item to the end of a stream (or replaces its element in place).
     *
     * @param stream the stream
     * @param item   the item
     * @param <T>    the item's type
     * @return this socket
     * @see #streamInsert(LiveStream, Object, int, int)
     */
    public <T> Socket streamInsert(LiveStream<T> stream, T item) {
        streamState(stream).insert(stream.domId(item), item, -1, null);
        return this;
    }

    /**
     * Adds one item to a stream at a position (or replaces its element in place).
     *
     * @param stream the stream
     * @param item   the item
     * @param at     where among the container's items: 0 the first, -1 after the last
     * @param <T>    the item's type
     * @return this socket
     * @see #streamInsert(LiveStream, Object, int, int)
     */
    public <T> Socket streamInsert(LiveStream<T> stream, T item, int at) {
        streamState(stream).insert(stream.domId(item), item, position(at), null);
        return this;
    }

    /**
     * Adds one item to a stream at a position, then trims the stream to a window: a feed that
     * shows the newest 500 entries inserts each at 0 with limit 500. An item whose element the page
     * shows already replaces it in place; to move one, delete it and insert it again.
     *
     * @param stream the stream
     * @param item   the item
     * @param at     where among the container's items: 0 the first, -1 after the last
     * @param limit  how many items the page keeps: a positive limit keeps the first ones, a
     *               negative one the last {@code -limit}
     * @param <T>    the item's type
     * @return this socket
     */
    public <T> Socket streamInsert(LiveStream<T> stream, T item, int at, int limit) {
        if (limit == 0) {
            throw new IllegalArgumentException("stream " + stream.name() + ": a limit of 0 would show nothing");
        }
        streamState(stream).insert(stream.domId(item), item, position(at), limit);
        return this;
    }

    /**
     * Removes an item's element from the page, found by its DOM id.
     *
     * @param stream the stream
     * @param item   the item (only its DOM id matters)
     * @param <T>    the item's type
     * @return this socket
     */
    public <T> Socket streamDelete(LiveStream<T> stream, T item) {
        streamState(stream).delete(stream.domId(item));
        return this;
    }

    /**
     * Empties the stream on the page; items streamed after this, in the same callback, are shown.
     *
     * @param stream the stream
     * @return this socket
     */
    public Socket streamReset(LiveStream<?> stream) {
        streamState(stream).reset();
        return this;
    }

    private StreamState streamState(LiveStream<?> stream) {
        changed = true;
        if (assigns.get(stream.name()) instanceof StreamState state) {
            return state;
        }
        StreamState state = new StreamState();
        assigns.put(stream.name(), state);
        return state;
    }

    private static int position(int at) {
        if (at < -1) {
            throw new IllegalArgumentException("a stream position is -1 (the end) or an index from 0: " + at);
        }
        return at;
    }

    /** A render went to the page: streams forget what it showed. */
    void streamsRendered() {
        for (Object value : assigns.values()) {
            if (value instanceof StreamState state) {
                state.rendered();
            }
        }
    }

    /**
     * Sends an event to the page's hooks: after the current callback's changes are on the page, each
     * hook that called {@code this.handleEvent(name, fn)} gets {@code fn(payload)}. For what a
     * template cannot say: focus a field, scroll, feed a chart.
     *
     * @param name    the event's name, as the hooks listen for it
     * @param payload its data, written as JSON (a record, a map, a list, a string, a number)
     * @return this socket
     */
    public Socket pushEvent(String name, Object payload) {
        if (pushedEvents.isEmpty()) {
            pushedEvents = new ArrayList<>();
        }
        pushedEvents.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(payload, "payload")));
        return this;
    }

    /** The events pushed since the last call, oldest first. */
    List<Map.Entry<String, Object>> takePushedEvents() {
        List<Map.Entry<String, Object>> taken = pushedEvents;
        pushedEvents = List.of();
        return taken;
    }

    /**
     * Changes the page's URL without leaving the view, from {@link LiveView#handleEvent},
     * {@link LiveView#handleInfo} or {@link LiveView#handleAsync}: after the callback,
     * {@link LiveView#handleParams} runs with the new URL's parameters, the page shows the result and
     * its address bar (and history) the URL. A path of another route is reached as by
     * {@link #pushNavigate}.
     *
     * @param url a path of this site, e.g. {@code /todo?filter=active}
     * @return this socket
     */
    public Socket pushPatch(String url) {
        this.patchTo = Response.sameOrigin(url);
        return this;
    }

    /** The URL a callback patched to, or {@code null}; followed once. */
    String takePatch() {
        String url = patchTo;
        patchTo = null;
        return url;
    }

    /** Where the page is sent, or {@code null}. */
    String redirectTarget() {
        return redirect;
    }

    /** Whether the page is sent by {@link #pushNavigate}, which it may follow without a full load. */
    boolean redirectIsLive() {
        return redirectLive;
    }

    /** Where the page is sent, or {@code null}; a callback's redirect is followed once. */
    String takeRedirect() {
        String target = redirect;
        redirect = null;
        return target;
    }

    /** The page's socket adopted this first render's view: from now on the powers are the process's. */
    void goLive(Runtime live) {
        connected = true;
        runtime = live;
    }

    /**
     * Updates a component of this view after the current callback: its {@link LiveComponent#update}
     * receives the assigns, and it renders if that assigned anything. A component not on the page
     * (never placed, or dropped since) is skipped with a warning in the log.
     *
     * @param type    the component's class
     * @param id      its id, as the template placed it
     * @param assigns what its {@code update} receives
     */
    public void sendUpdate(Class<? extends LiveComponent> type, String id, Map<String, ?> assigns) {
        components.sendUpdate(type, id, assigns);
    }

    /** The view's components. */
    Components components() {
        return components;
    }

    /** Reports whether anything was assigned since the last call, and resets the flag. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }
}
