package io.liveview.core.pubsub;

import io.liveview.core.PubSub;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PubSub within one JVM, the default: a broadcast calls each subscriber's receiver on the
 * broadcasting thread, so one sender's messages arrive in the order sent.
 */
public final class LocalPubSub implements PubSub {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPubSub.class);

    private final Map<String, Set<Consumer<Object>>> topics = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(String topic, Consumer<Object> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        // Added inside compute, so a concurrent cancel of the topic's last receiver cannot drop it.
        topics.compute(Objects.requireNonNull(topic, "topic"), (t, receivers) -> {
            Set<Consumer<Object>> all = receivers == null ? new CopyOnWriteArraySet<>() : receivers;
            all.add(receiver);
            return all;
        });
        return () -> topics.computeIfPresent(topic, (t, receivers) -> {
            receivers.remove(receiver);
            return receivers.isEmpty() ? null : receivers;
        });
    }

    @Override
    public void broadcast(String topic, Object message) {
        broadcastFrom(null, topic, message);
    }

    @Override
    public void broadcastFrom(Consumer<Object> sender, String topic, Object message) {
        Objects.requireNonNull(message, "message");
        Set<Consumer<Object>> receivers = topics.get(Objects.requireNonNull(topic, "topic"));
        if (receivers != null) {
            for (Consumer<Object> receiver : receivers) {
                if (receiver != sender) {
                    deliver(receiver, topic, message);
                }
            }
        }
    }

    private static void deliver(Consumer<Object> receiver, String topic, Object message) {
        try {
            receiver.accept(message);
        } catch (RuntimeException e) {
            // One failing receiver must not cost the others their message.
            LOG.warn("a receiver of topic {} failed", topic, e);
        }
    }

    /**
     * @param topic a topic's name
     * @return whether any receiver in this JVM listens to it (adapters subscribe upstream only then)
     */
    public boolean hasSubscribers(String topic) {
        return topics.containsKey(topic);
    }

    @Override
    public void close() {
        topics.clear();
    }
}
