package io.liveview.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A view's assigns (the variables its template renders) and its powers. Only the view's own
 * process touches its socket, so nothing here needs synchronisation.
 */
public final class Socket {

    private final String viewId;
    private final boolean connected;
    private final Map<String, Object> assigns = new LinkedHashMap<>();
    private final Map<String, Object> readOnlyAssigns = Collections.unmodifiableMap(assigns);
    private final Consumer<Object> selfMessages;
    private boolean changed;

    Socket(String viewId, boolean connected, Consumer<Object> selfMessages) {
        this.viewId = viewId;
        this.connected = connected;
        this.selfMessages = selfMessages;
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
     * Sends a message to this view's own process; {@link LiveView#handleInfo} receives it after the
     * current callback. Does nothing during the first HTTP render, where no process exists.
     *
     * @param message the message
     */
    public void send(Object message) {
        if (connected) {
            selfMessages.accept(message);
        }
    }

    /** Reports whether anything was assigned since the last call, and resets the flag. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }
}
