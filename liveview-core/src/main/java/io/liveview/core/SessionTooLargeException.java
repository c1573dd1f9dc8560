package io.liveview.core;

/**
 * A session's data does not fit in its cookie: the write fails here rather than the browser
 * dropping a broken cookie later. Keep ids and small values in the session, the rest in a store.
 */
public final class SessionTooLargeException extends IllegalStateException {

    SessionTooLargeException(int bytes, int max) {
        super("the session cookie would be " + bytes + " bytes; browsers keep at most " + max
                + ": keep small values in the session and the rest in a store");
    }
}
