package io.liveview.core;

/**
 * Thrown by {@link LiveView#handleEvent} for an event the view does not handle. The page gets an
 * {@code unknown_event} error reply and the view keeps running.
 */
public final class UnknownEventException extends RuntimeException {

    /**
     * @param event the name of the event nobody handles
     */
    public UnknownEventException(String event) {
        // The name comes from the client: shortened, so no reply or log line carries much of it.
        super("no handler for event '" + Echo.of(event) + "'");
    }
}
