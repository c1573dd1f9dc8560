package io.liveview.core;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link LiveComponent}'s assigns, and what it may do to the page it is part of. What concerns
 * the page as a whole (the URL, navigation, flash, hook events) goes through its view's
 * {@link Socket}.
 */
public final class ComponentSocket {

    /** The template variable with the component's number, for {@code lv:target="${myself}"}. */
    static final String MYSELF = "myself";

    private final Components components;
    private final int cid;
    private final String id;
    // A page may hold thousands of components: no insertion order, no long-lived read-only view.
    private final Map<String, Object> assigns = HashMap.newHashMap(4);

    ComponentSocket(Components components, int cid, String id) {
        this.components = components;
        this.cid = cid;
        this.id = id;
        assigns.put(MYSELF, cid);
    }

    /**
     * Sets an assign. The component's template is rendered again after the current callback.
     *
     * @param key   the template variable name
     * @param value its value
     * @return this socket
     */
    public ComponentSocket assign(String key, Object value) {
        assigns.put(Objects.requireNonNull(key, "key"), value);
        components.changed(cid);
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
    public <T> ComponentSocket update(String key, Function<T, T> update) {
        if (!assigns.containsKey(key)) {
            throw new IllegalStateException("component " + id + ": cannot update '" + key + "', it was never assigned");
        }
        return assign(key, update.apply((T) assigns.get(key)));
    }

    /**
     * @param key the template variable name
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
        return Collections.unmodifiableMap(assigns);
    }

    /**
     * @return the component's id, as the view's template gave it
     */
    public String id() {
        return id;
    }

    /**
     * @return the component's number on its page, what {@code lv:target} names
     */
    public int myself() {
        return cid;
    }

    /**
     * @return the view's socket: for what concerns the page as a whole, such as
     *     {@code socket.view().pushPatch(url)}, {@code putFlash}, {@code pushEvent}, {@code send}
     *     (a message to the view's {@link LiveView#handleInfo}, the way to tell the view
     *     something)
     */
    public Socket view() {
        return components.view();
    }

    /**
     * Updates another component of the view (or this one) after the current callback; see
     * {@link Socket#sendUpdate}.
     *
     * @param type    the component's class
     * @param id      its id
     * @param assigns what its {@link LiveComponent#update} receives
     */
    public void sendUpdate(Class<? extends LiveComponent> type, String id, Map<String, ?> assigns) {
        components.sendUpdate(type, id, assigns);
    }
}
