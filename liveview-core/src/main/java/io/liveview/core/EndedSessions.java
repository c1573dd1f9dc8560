package io.liveview.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of sessions that ended ({@link Response#endSession()} on any node), so that a copy of an old
 * {@code lv_session} cookie counts as no session. Held in memory, so a restarted node forgets
 * them; bounded, so the oldest are forgotten first past {@value #CAPACITY}.
 */
final class EndedSessions {

    /** About 100 bytes an id: at most some 10 MB. */
    static final int CAPACITY = 100_000;

    private final Map<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(String sessionId) {
        ids.put(sessionId, Boolean.TRUE);
    }

    synchronized boolean contains(String sessionId) {
        return ids.containsKey(sessionId);
    }
}
