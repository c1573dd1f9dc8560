package io.liveview.core.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.liveview.core.LiveViewServer;
import io.liveview.core.ProbeLive;
import io.liveview.core.PubSub;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two RedisPubSub instances on one redis-server are two nodes. */
class RedisPubSubTest {

    // Generous: a 2-core machine may be busy with other builds. Nothing here asserts a duration.
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    record Chat(String from, String text, int likes, List<String> tags) {
    }

    enum Mood {
        CALM,
        LOUD {
            @Override
            public String toString() {
                return "LOUD!";
            }
        }
    }

    private static RedisServer redis;
    private static RedisClient probeClient;
    private static RedisCommands<String, String> probe;

    private RedisPubSub a;
    private RedisPubSub b;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.startOnFreePort();
        probeClient = RedisClient.create(redis.url());
        probe = probeClient.connect().sync();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        probeClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        redis.close();
    }

    @BeforeEach
    void connectNodes() {
        a = RedisPubSub.connect(redis.url());
        b = RedisPubSub.connect(redis.url());
    }

    @AfterEach
    void closeNodes() {
        a.close();
        b.close();
    }

    @Test
    void aBroadcastReachesTheOtherNodeAndTheSendersOwnSubscribersExactlyOnce() {
        List<Object> onA = new CopyOnWriteArrayList<>();
        List<Object> onB = new CopyOnWriteArrayList<>();
        a.subscribe("room", onA::add);
        b.subscribe("room", onB::add);
        awaitNodesSubscribed("room", 2);

        a.broadcast("room", "hello");
        assertEquals(List.of("hello"), onA, "delivered on the sender's node at once");
        // B answers once it has "hello"; A's echo of "hello" from Redis would come before the answer.
        await(() -> onB.contains("hello"), "B gets A's message");
        b.broadcast("room", "answer");
        await(() -> onA.contains("answer"), "A gets B's answer");

        assertEquals(List.of("hello", "answer"), onA);
        assertEquals(List.of("hello", "answer"), onB);
    }

    @Test
    void broadcastFromSkipsOnlyTheSender() {
        List<Object> sender = new CopyOnWriteArrayList<>();
        List<Object> neighbour = new CopyOnWriteArrayList<>();
        List<Object> remote = new CopyOnWriteArrayList<>();
        Consumer<Object> senderReceiver = sender::add;
        a.subscribe("chat", senderReceiver);
        a.subscribe("chat", neighbour::add);
        b.subscribe("chat", remote::add);
        awaitNodesSubscribed("chat", 2);

        a.broadcastFrom(senderReceiver, "chat", "hi");
        await(() -> remote.contains("hi"), "the other node gets it");
        b.broadcast("chat", "fence");
        await(() -> neighbour.contains("fence"), "the fence comes back to A");

        assertEquals(List.of("fence"), sender, "the sender never got its own message, not even from Redis");
        assertEquals(List.of("hi", "fence"), neighbour);
        assertEquals(List.of("hi", "fence"), remote);
    }

    @Test
    void oneSendersMessagesArriveOnTheOtherNodeInTheOrderSent() {
        List<Object> onB = new CopyOnWriteArrayList<>();
        b.subscribe("ticks", onB::add);
        awaitNodesSubscribed("ticks", 1);

        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            a.broadcast("ticks", i);
        }
        await(() -> onB.size() == 1_000, "all 1,000 messages arrive");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("1,000 messages from node A to node B through Redis: " + millis + " ms");

        assertEquals(IntStream.range(0, 1_000).boxed().toList(), onB);
    }

    @Test
    void recordsEnumsAndNumbersArriveAsTheyWereSent() {
        List<Object> onB = new CopyOnWriteArrayList<>();
        b.subscribe("typed", onB::add);
        awaitNodesSubscribed("typed", 1);
        List<Object> sent = List.of(new Chat("ann", "hi", 3, List.of("x", "y")), Mood.CALM, Mood.LOUD,
                "text", true, 7, 8L, 1.5, 2.5f, (short) 3, (byte) 4);

        sent.forEach(message -> a.broadcast("typed", message));
        await(() -> onB.size() == sent.size(), "every message arrives");

        assertEquals(sent, onB);
        assertSame(Mood.LOUD, onB.get(2), "an enum constant with a body is the same constant");
    }

    @Test
    void aTypeThatCannotCrossNodesIsRefusedBeforeAnyoneGetsIt() {
        List<Object> onA = new CopyOnWriteArrayList<>();
        a.subscribe("t", onA::add);

        for (Object message : List.of(new Object(), new BigDecimal("1.5"), new ArrayList<>(List.of(1)), 'c')) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> a.broadcast("t", message));
            assertTrue(refused.getMessage().contains(message.getClass().getName()), refused.getMessage());
        }
        assertEquals(List.of(), onA);
    }

    @Test
    void whatArrivesFromRedisNamingAnotherTypeIsDroppedAndLaterMessagesStillFlow() {
        List<Object> onB = new CopyOnWriteArrayList<>();
        b.subscribe("t", onB::add);
        awaitNodesSubscribed("t", 1);

        probe.publish("lv:t", "{\"node\":\"x\",\"type\":\"java.util.ArrayList\",\"payload\":[1]}");
        probe.publish("lv:t", "{\"node\":\"x\",\"type\":\"no.such.Type\",\"payload\":{}}");
        probe.publish("lv:t", "not json");
        a.broadcast("t", "after");
        await(() -> onB.contains("after"), "a good message still arrives");

        assertEquals(List.of("after"), onB);
    }

    @Test
    void whenItsLastReceiverCancelsANodeUnsubscribesAndGetsNothingMore() {
        List<Object> first = new CopyOnWriteArrayList<>();
        List<Object> second = new CopyOnWriteArrayList<>();
        List<Object> fence = new CopyOnWriteArrayList<>();
        PubSub.Subscription firstSubscription = b.subscribe("news", first::add);
        PubSub.Subscription secondSubscription = b.subscribe("news", second::add);
        b.subscribe("fence", fence::add);
        awaitNodesSubscribed("news", 1);

        firstSubscription.cancel();
        firstSubscription.cancel();
        a.broadcast("news", "one");
        await(() -> second.contains("one"), "the remaining receiver still gets messages");
        assertEquals(1L, subscribedNodes("news"), "still subscribed while a receiver is left");

        secondSubscription.cancel();
        awaitNodesSubscribed("news", 0);
        a.broadcast("news", "two");
        // Redis passes A's messages on in order: "two" would come before the fence.
        a.broadcast("fence", "done");
        await(() -> fence.contains("done"), "the fence arrives");

        assertEquals(List.of(), first);
        assertEquals(List.of("one"), second);
    }

    @Test
    void withRedisDownNodesDeliverLocallyAndWhenItIsBackAcrossNodesAgain() throws Exception {
        List<Object> onA = new CopyOnWriteArrayList<>();
        List<Object> onB = new CopyOnWriteArrayList<>();
        List<Object> lateOnB = new CopyOnWriteArrayList<>();
        a.subscribe("room", onA::add);
        b.subscribe("room", onB::add);
        PubSub.Subscription leaving = a.subscribe("left", message -> { });
        awaitNodesSubscribed("room", 2);
        awaitNodesSubscribed("left", 1);

        redis.stop();
        try {
            await(() -> !a.link().reachable() && !b.link().reachable(), "both nodes notice the outage");
            for (int i = 0; i < 100; i++) {
                a.broadcast("room", "a" + i);
                b.broadcast("room", "b" + i);
            }
            b.subscribe("late", lateOnB::add);
            leaving.cancel();

            assertEquals(IntStream.range(0, 100).mapToObj(i -> "a" + i).toList(), onA);
            assertEquals(IntStream.range(0, 100).mapToObj(i -> "b" + i).toList(), onB);
            assertEquals(1, a.link().outages(), "one outage, logged once");
            assertEquals(1, b.link().outages(), "one outage, logged once");
        } finally {
            redis.start();
        }

        long start = System.nanoTime();
        awaitCrossNode(a, "room", onB);
        System.out.println("cross-node delivery resumed " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms after redis-server accepted connections again");
        assertTrue(onB.stream().noneMatch(m -> m.toString().matches("a\\d+")), "outage publishes were dropped, not queued");
        awaitNodesSubscribed("late", 1);
        a.broadcast("late", "news");
        await(() -> lateOnB.contains("news"), "a topic first subscribed during the outage works");
        awaitNodesSubscribed("left", 0);
        assertEquals(1, a.link().outages());
        assertEquals(1, b.link().outages());
    }

    @Test
    void aServerClosesItsRedisPubSubWhenItStops() {
        RedisPubSub pubSub = RedisPubSub.connect(redis.url());
        pubSub.subscribe("server", message -> { });
        awaitNodesSubscribed("server", 1);
        LiveViewServer server = LiveViewServer.builder()
                .live("/probe", ProbeLive::new)
                .secret("redis-pubsub-test-secret")
                .port(0)
                .pubSub(pubSub)
                .start();
        assertSame(pubSub, server.pubSub());

        server.stop();

        awaitNodesSubscribed("server", 0);
        assertThrows(IllegalStateException.class, () -> pubSub.subscribe("server", message -> { }));
    }

    private static void awaitCrossNode(RedisPubSub from, String topic, List<Object> remote) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (int attempt = 0; ; attempt++) {
            String ping = "ping" + attempt;
            from.broadcast(topic, ping);
            long pingDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            while (System.nanoTime() < pingDeadline) {
                if (remote.contains(ping)) {
                    return;
                }
                pause();
            }
            if (System.nanoTime() > deadline) {
                fail("cross-node delivery did not resume");
            }
        }
    }

    private static void awaitNodesSubscribed(String topic, long nodes) {
        await(() -> subscribedNodes(topic) == nodes, nodes + " node(s) subscribed to " + topic);
    }

    private static long subscribedNodes(String topic) {
        return probe.pubsubNumsub("lv:" + topic).get("lv:" + topic);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited in vain: " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
