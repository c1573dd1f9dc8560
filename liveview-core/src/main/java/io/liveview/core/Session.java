package io.liveview.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser session: a random id and string data, held in the signed {@code lv_session} cookie
 * and carried into each view's token. Endpoints change it ({@link Request#session()},
 * {@link Response#session(Session)}); views read it in {@code mount}. Nobody without the server's
 * key can change it; anyone holding the cookie or the page can read it, unless the server
 * {@linkplain LiveViewServer.Builder#encryptSessions encrypts sessions}: without that, never put
 * secrets here. Immutable.
 *
 * @param id   the session id
 * @param data session data
 */
public record Session(String id, Map<String, String> data) {

    /** Copies {@code data}. */
    public Session {
        data = Map.copyOf(data);
    }

    /**
     * @param key a session key
     * @return its value, if present
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /**
     * @param key   a session key
     * @param value its new value
     * @return this session with the value set
     */
    public Session with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(data);
        changed.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new Session(id, changed);
    }

    /**
     * @param key a session key
     * @return this session without the key
     */
    public Session without(String key) {
        Map<String, String> changed = new LinkedHashMap<>(data);
        changed.remove(key);
        return new Session(id, changed);
    }

    /**
     * @return the same data under a new random id: call it when a user signs in, so an id planted
     *     before (session fixation) is worth nothing after; pages of the old id must reload
     */
    public Session renewed() {
        return new Session(Tokens.randomId(), data);
    }

    /** @return a new session with no data */
    static Session fresh() {
        return new Session(Tokens.randomId(), Map.of());
    }
}
