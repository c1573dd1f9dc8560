package io.liveview.core;

/**
 * A page's path or query value does not have the shape the view asked for (a missing value, a
 * non-number where {@link Params#getInt} wants an integer): there is no such page. The first render
 * answers 404; the server logs one line.
 */
public final class BadParamException extends IllegalArgumentException {

    /**
     * @param message what was wrong, naming the value; client input in it is shortened
     */
    public BadParamException(String message) {
        super(message);
    }
}
