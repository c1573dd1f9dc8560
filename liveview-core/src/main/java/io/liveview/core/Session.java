package io.liveview.core;

import java.util.Map;
import java.util.Optional;

/**
 * The browser session a view was rendered for: a random id held in the signed {@code lv_session}
 * cookie, plus data carried in the view token. Signed, not encrypted: never put secrets here.
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
}
