package io.liveview.core;

/**
 * An event's values do not have the shape the view asked for (a missing value, a number that is not
 * one). It is the client's mistake, not the view's: the page gets a {@code bad_payload} error reply,
 * the server logs one line, and the view keeps running.
 */
public final class BadPayloadException extends IllegalArgumentException {

    /**
     * @param message what was wrong, naming the value; client input in it is shortened
     */
    public BadPayloadException(String message) {
        super(message);
    }
}
