package io.liveview.core.pubsub;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.liveview.core.PubSub;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PubSub across nodes through Redis (with Lettuce, which an app that uses this adds itself):
 * {@code LiveViewServer.builder().pubSub(RedisPubSub.connect("redis://127.0.0.1:6379"))}.
 *
 * <p>A broadcast reaches this node's subscribers at once, on the broadcasting thread, as with
 * {@link LocalPubSub}, and is then published to Redis for the other nodes, whose subscribers get it
 * on the adapter's thread. Each node subscribes a Redis channel ({@value #CHANNEL_PREFIX} and the
 * topic) only while it has subscribers for the topic.
 *
 * <p>Messages cross nodes as JSON: records, enums, strings, booleans and {@code java.lang} numbers
 * only; a broadcast of anything else throws {@link IllegalArgumentException}, before anyone gets it.
 * Messages from one sender arrive on every node in the order sent.
 *
 * <p>Delivery to other nodes is at most once. While Redis is unreachable each node still delivers
 * its own broadcasts to its own subscribers, and its publishes are dropped, not queued; when Redis
 * is back, Lettuce reconnects and cross-node delivery resumes. Messages are never stored.
 */
public final class RedisPubSub implements PubSub {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPubSub.class);

    /** Prefix of the Redis channel that carries a topic. */
    public static final String CHANNEL_PREFIX = "lv:";

    // Bounds the commands awaiting Redis's answer on each connection: past it, publishes are dropped.
    private static final int REQUEST_QUEUE_SIZE = 10_000;
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    // Lettuce's default backoff grows to 30 s between attempts, so after a long outage a node
    // could stay cut off for half a minute after Redis is back; 5 s bounds that.
    private static final Duration LONGEST_RECONNECT_DELAY = Duration.ofSeconds(5);

    private final LocalPubSub local = new LocalPubSub();
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final MessageCodec codec;
    private final RedisLink link = new RedisLink();
    // Topics with subscribers on this node; guarded by itself, which also keeps the SUBSCRIBE and
    // UNSUBSCRIBE commands in the order the decisions were made.
    private final Set<String> subscribedTopics = new HashSet<>();
    private final AtomicLong refusedMessages = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisPubSub(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> publisher,
                        StatefulRedisPubSubConnection<String, String> subscriber, ClassLoader messageTypes) {
        this.resources = resources;
        this.client = client;
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.codec = new MessageCodec(UUID.randomUUID().toString(), messageTypes);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String text) {
                receive(channel, text);
            }

            @Override
            public void subscribed(String channel, long count) {
                unsubscribeIfUnused(channel);
            }
        });
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                link.reached(connection);
                if (connection == subscriber) {
                    resubscribe();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                link.lost(connection, "connection closed");
            }
        });
    }

    /**
     * Connects to Redis, resolving the records and enums that arrive with the thread context class
     * loader.
     *
     * @param redisUrl e.g. {@code redis://127.0.0.1:6379} or {@code redis://:password@host:6379/0}
     * @return the adapter, connected
     * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached now; later
     *                                                  outages are survived
     */
    public static RedisPubSub connect(String redisUrl) {
        ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
        return connect(redisUrl, contextLoader != null ? contextLoader : RedisPubSub.class.getClassLoader());
    }

    /**
     * Connects to Redis.
     *
     * @param redisUrl     e.g. {@code redis://127.0.0.1:6379}
     * @param messageTypes resolves the type names of the records and enums that arrive from other
     *                     nodes
     * @return the adapter, connected
     * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached now; later
     *                                                  outages are survived
     */
    public static RedisPubSub connect(String redisUrl, ClassLoader messageTypes) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(messageTypes, "messageTypes");
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ZERO, LONGEST_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, redisUrl);
        client.setOptions(ClientOptions.builder()
                // Fail commands at once while disconnected instead of buffering them until Redis
                // returns, so an outage costs no memory and late messages do not arrive stale.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .build());
        try {
            return new RedisPubSub(resources, client, client.connect(), client.connectPubSub(), messageTypes);
        } catch (RuntimeException e) {
            shutDown(client, resources);
            throw e;
        }
    }

    @Override
    public Subscription subscribe(String topic, Consumer<Object> receiver) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(receiver, "receiver");
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        Subscription subscription;
        synchronized (subscribedTopics) {
            subscription = local.subscribe(topic, receiver);
            if (subscribedTopics.add(topic)) {
                // If Redis is down this fails at once; resubscribe() catches up on reconnection.
                subscriber.async().subscribe(CHANNEL_PREFIX + topic);
            }
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        return () -> {
            if (cancelled.compareAndSet(false, true)) {
                cancel(topic, subscription);
            }
        };
    }

    private void cancel(String topic, Subscription subscription) {
        synchronized (subscribedTopics) {
            subscription.cancel();
            if (!local.hasSubscribers(topic) && subscribedTopics.remove(topic) && !closed.get()) {
                subscriber.async().unsubscribe(CHANNEL_PREFIX + topic);
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the message is not a record, an enum, a String, a Boolean
     *                                  or a {@code java.lang} number
     */
    @Override
    public void broadcast(String topic, Object message) {
        broadcastFrom(null, topic, message);
    }

    /**
     * {@inheritDoc} The sender is a receiver on this node; every receiver on other nodes gets it.
     *
     * @throws IllegalArgumentException if the message is not a record, an enum, a String, a Boolean
     *                                  or a {@code java.lang} number
     */
    @Override
    public void broadcastFrom(Consumer<Object> sender, String topic, Object message) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        String envelope = codec.encode(message);
        local.broadcastFrom(sender, topic, message);
        if (!closed.get()) {
            long recoveriesWhenSent = link.recoveries();
            // One connection, written in call order: one sender's messages stay in order.
            publisher.async().publish(CHANNEL_PREFIX + topic, envelope).whenComplete((receivers, failure) -> {
                if (failure == null) {
                    link.reached(publisher);
                } else {
                    link.publishFailed(publisher, recoveriesWhenSent, failure);
                }
            });
        }
    }

    private void receive(String channel, String text) {
        String topic = channel.substring(CHANNEL_PREFIX.length());
        Optional<Object> message;
        try {
            message = codec.decode(text);
        } catch (IllegalArgumentException e) {
            // Logged at 1, 2, 4, 8… refusals: a stream of bad messages cannot flood the log.
            long refused = refusedMessages.incrementAndGet();
            if (Long.bitCount(refused) == 1) {
                LOG.warn("refused a message from Redis on topic {}: {} ({} refused so far)", topic, e.getMessage(), refused);
            }
            return;
        }
        message.ifPresent(m -> local.broadcast(topic, m));
    }

    // Lettuce re-subscribes on reconnection only the channels Redis had confirmed, so a topic
    // first subscribed during the outage would be missed: subscribe them all again (idempotent).
    private void resubscribe() {
        synchronized (subscribedTopics) {
            if (!subscribedTopics.isEmpty() && !closed.get()) {
                subscriber.async().subscribe(subscribedTopics.stream().map(t -> CHANNEL_PREFIX + t).toArray(String[]::new));
            }
        }
    }

    // The other half: an UNSUBSCRIBE that failed during an outage leaves the channel in Lettuce's
    // list, and Lettuce subscribes it again on reconnection.
    private void unsubscribeIfUnused(String channel) {
        synchronized (subscribedTopics) {
            if (!subscribedTopics.contains(channel.substring(CHANNEL_PREFIX.length())) && !closed.get()) {
                subscriber.async().unsubscribe(channel);
            }
        }
    }

    /** For tests: what this node knows of its link to Redis. */
    RedisLink link() {
        return link;
    }

    /**
     * Closes both connections to Redis and shuts the client and its threads down (waiting at most
     * two seconds for each); later broadcasts reach no one.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            link.close();
            shutDown(client, resources);
            local.close();
        }
    }

    // The client closes its connections; the resources (threads) are ours, as we built them.
    private static void shutDown(RedisClient client, ClientResources resources) {
        client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
        resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
    }
}
