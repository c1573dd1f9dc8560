package io.liveview.core;

import java.util.function.Consumer;

/**
 * Topics to publish messages on and subscribe to, from views ({@link Socket#subscribe}) and from any
 * other code ({@link LiveViewServer#pubSub()}: an HTTP handler, a scheduled job). The default keeps
 * messages in this JVM; {@code io.liveview.core.pubsub.RedisPubSub} carries them across nodes.
 *
 * <p>Messages from one sender reach each subscriber in the order they were sent. What may be sent:
 * in one JVM, anything; across nodes, records, enums, strings, booleans and numbers (they travel as
 * JSON, see docs/pubsub.md).
 */
public interface PubSub extends AutoCloseable {

    /**
     * Delivers every later message on a topic to a receiver, until the subscription is cancelled.
     *
     * @param topic    the topic's name
     * @param receiver called with each message, on the publisher's thread or the adapter's: it must
     *                 be quick (a view's receiver only queues the message in its mailbox)
     * @return the subscription, to cancel it
     */
    Subscription subscribe(String topic, Consumer<Object> receiver);

    /**
     * Sends a message to every subscriber of a topic, on every node.
     *
     * @param topic   the topic's name
     * @param message the message
     */
    void broadcast(String topic, Object message);

    /**
     * Sends a message to every subscriber of a topic but one: a view telling the others.
     *
     * @param sender  the receiver, as passed to {@link #subscribe}, that does not get the message
     * @param topic   the topic's name
     * @param message the message
     */
    void broadcastFrom(Consumer<Object> sender, String topic, Object message);

    /** Releases the adapter's resources; the server calls it when it stops. */
    @Override
    void close();

    /** One receiver's interest in one topic. */
    interface Subscription {
        /** Stops delivery to the receiver; safe to call more than once. */
        void cancel();
    }
}
