package io.liveview.core.pubsub;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node's connections to Redis work, as far as it last saw: a connection dropping or a
 * publish failing says one does not, a connection coming up or a publish succeeding says it does.
 * An outage lasts while any connection is down; it is logged once at WARN when it starts and once
 * at INFO when it ends, however many publishes fail in between.
 */
final class RedisLink {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPubSub.class);

    private final Set<Object> downConnections = Collections.newSetFromMap(new IdentityHashMap<>());
    // Bumped when a connection comes up, so a publish sent before that but failing after it cannot
    // start a new outage.
    private long recoveries;
    private long droppedPublishes;
    private int outages;
    private boolean closed;

    synchronized long recoveries() {
        return recoveries;
    }

    /** A connection to Redis dropped. */
    synchronized void lost(Object connection, String why) {
        if (!closed && downConnections.add(connection) && downConnections.size() == 1) {
            outages++;
            LOG.warn("Redis unreachable ({}): messages reach this node's subscribers only until it is back;"
                    + " publishes meanwhile are dropped", why);
        }
    }

    /**
     * A publish failed and its message is lost to other nodes.
     *
     * @param recoveriesWhenSent {@link #recoveries()} when the publish was sent
     */
    synchronized void publishFailed(Object connection, long recoveriesWhenSent, Throwable cause) {
        droppedPublishes++;
        if (recoveriesWhenSent == recoveries) {
            lost(connection, String.valueOf(cause.getMessage()));
        }
    }

    /** A connection came up or a publish through it succeeded. */
    synchronized void reached(Object connection) {
        if (!closed && downConnections.remove(connection)) {
            recoveries++;
            if (downConnections.isEmpty()) {
                LOG.info("Redis reachable again: cross-node delivery resumed ({} publishes were dropped)", droppedPublishes);
                droppedPublishes = 0;
            }
        }
    }

    /** From now on connections close on purpose: nothing more to report. */
    synchronized void close() {
        closed = true;
    }

    /** How many outages were reported, for tests. */
    synchronized int outages() {
        return outages;
    }

    synchronized boolean reachable() {
        return downConnections.isEmpty();
    }
}
