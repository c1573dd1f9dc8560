package io.liveview.core;

import java.util.function.Consumer;

/**
 * The address of a mounted view: any thread may {@link #send} it a message, which the view receives
 * in {@link LiveView#handleInfo} through its mailbox, one callback at a time like everything else.
 * Messages to a view that has ended, or was mounted afresh since this address was taken, are dropped.
 */
public final class ViewRef {

    private final String id;
    private final Consumer<Object> inbox;

    ViewRef(String id, Consumer<Object> inbox) {
        this.id = id;
        this.inbox = inbox;
    }

    /**
     * @return the view's root element id
     */
    public String id() {
        return id;
    }

    /**
     * Queues a message for the view; returns at once.
     *
     * @param message the message
     */
    public void send(Object message) {
        inbox.accept(message);
    }

    @Override
    public String toString() {
        return "ViewRef[" + id + "]";
    }
}
