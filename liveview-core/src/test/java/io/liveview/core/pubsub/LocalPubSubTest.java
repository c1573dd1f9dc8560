package io.liveview.core.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.core.PubSub;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LocalPubSubTest {

    private final LocalPubSub pubSub = new LocalPubSub();

    @Test
    void aBroadcastReachesEverySubscriberOfItsTopicInOrder() {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        List<Object> elsewhere = new ArrayList<>();
        pubSub.subscribe("room:1", first::add);
        pubSub.subscribe("room:1", second::add);
        pubSub.subscribe("room:2", elsewhere::add);
        for (int i = 0; i < 100; i++) {
            pubSub.broadcast("room:1", i);
        }
        assertEquals(100, first.size());
        assertEquals(first, second);
        assertEquals(List.of(0, 1, 2), first.subList(0, 3));
        assertTrue(elsewhere.isEmpty());
    }

    @Test
    void broadcastFromSkipsOnlyTheSender() {
        List<Object> senderGot = new ArrayList<>();
        List<Object> otherGot = new ArrayList<>();
        Consumer<Object> sender = senderGot::add;
        pubSub.subscribe("chat", sender);
        pubSub.subscribe("chat", otherGot::add);
        pubSub.broadcastFrom(sender, "chat", "hello");
        assertEquals(List.of(), senderGot);
        assertEquals(List.of("hello"), otherGot);
    }

    @Test
    void aCancelledSubscriptionGetsNothingAndAnEmptyTopicIsForgotten() {
        List<Object> got = new ArrayList<>();
        PubSub.Subscription subscription = pubSub.subscribe("t", got::add);
        assertTrue(pubSub.hasSubscribers("t"));
        subscription.cancel();
        subscription.cancel();
        pubSub.broadcast("t", "late");
        assertTrue(got.isEmpty());
        assertFalse(pubSub.hasSubscribers("t"));
    }

    @Test
    void aFailingReceiverDoesNotCostTheOthersTheirMessage() {
        List<Object> got = new ArrayList<>();
        pubSub.subscribe("t", message -> {
            throw new IllegalStateException("on purpose");
        });
        pubSub.subscribe("t", got::add);
        pubSub.broadcast("t", "m");
        assertEquals(List.of("m"), got);
    }
}
