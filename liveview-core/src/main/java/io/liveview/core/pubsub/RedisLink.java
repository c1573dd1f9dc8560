package io.liveview.core.pubsub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can reach Redis, as far as it last saw: a connection dropping or a publish
 * failing says no, a connection coming up or a publish succeeding says yes. Each change is logged
 * once (the outage at WARN, the recovery at INFO) however many publishes fail in between.
 */
final class RedisLink {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPubSub.class);

    private boolean reachable = true;
    // Bumped on each change, so a publish sent before a recovery but failing after it cannot undo it.
    private long changes;
    private long droppedPublishes;
    private int outages;
    private boolean closed;

    synchronized long changes() {
        return changes;
    }

    /** A connection to Redis dropped. */
    synchronized void lost(String why) {
        if (reachable && !closed) {
            reachable = false;
            changes++;
            outages++;
            LOG.warn("Redis unreachable ({}): messages reach this node's subscribers only until it is back;"
                    + " publishes meanwhile are dropped", why);
        }
    }

    /**
     * A publish failed and its message is lost to other nodes.
     *
     * @param changesWhenSent {@link #changes()} when the publish was sent
     */
    synchronized void publishFailed(long changesWhenSent, Throwable cause) {
        droppedPublishes++;
        if (changesWhenSent == changes) {
            lost(String.valueOf(cause.getMessage()));
        }
    }

    /** A connection came up or a publish succeeded. */
    synchronized void reached() {
        if (!reachable && !closed) {
            reachable = true;
            changes++;
            LOG.info("Redis reachable again: cross-node delivery resumed ({} publishes were dropped)", droppedPublishes);
            droppedPublishes = 0;
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
        return reachable;
    }
}
