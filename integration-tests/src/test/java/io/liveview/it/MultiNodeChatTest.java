package io.liveview.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.liveview.core.LiveViewServer;
import io.liveview.core.PubSub;
import io.liveview.core.pubsub.RedisPubSub;
import io.liveview.core.pubsub.RedisServer;
import io.liveview.demo.ChatLive;
import io.liveview.demo.DemoApp;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo chat on two nodes sharing one real Redis: node A is the base class's {@code server},
 * node B is started here with the same key.
 */
class MultiNodeChatTest extends BrowserTest {

    private static final String ROOM_CHANNEL = RedisPubSub.CHANNEL_PREFIX + ChatLive.TOPIC;
    private static final int NODES = 2;
    // Generous for a loaded machine; the adapter retries at most 5 s apart after an outage.
    private static final Duration ACROSS_NODES = Duration.ofSeconds(20);
    private static final LocatorAssertions.HasTextOptions WITHIN_ACROSS_NODES =
            new LocatorAssertions.HasTextOptions().setTimeout(ACROSS_NODES.toMillis());

    private RedisServer redis;
    private LiveViewServer nodeB;

    @BeforeEach
    void startRedisAndTwoNodes() throws Exception {
        redis = RedisServer.startOnFreePort();
        startServer(0, SECRET, builder -> builder.pubSub(RedisPubSub.connect(redis.url())));
        nodeB = DemoApp.configure(LiveViewServer.builder()).secret(SECRET).port(0)
                .pubSub(RedisPubSub.connect(redis.url())).start();
    }

    @AfterEach
    void stopNodeBAndRedis() throws InterruptedException {
        if (nodeB != null) {
            nodeB.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aMessagePostedOnOneNodeAppearsOnTheOtherAndOnceOnItsOwn() throws InterruptedException {
        Page adaOnA = openChat(server);
        Page carolOnA = openChat(server);
        Page bobOnB = openChat(nodeB);
        awaitNodesLinked();

        ChatTest.post(adaOnA, "Ada", "Hello from A");
        assertThat(ChatTest.messages(bobOnB)).hasText(new String[] {"Ada Hello from A"}, WITHIN_ACROSS_NODES);
        assertThat(ChatTest.messages(carolOnA)).hasText(new String[] {"Ada Hello from A"});

        // Redis passes A's echo of the first message to A before B's answer, so once A shows the
        // answer, a second copy of its own message would be on A's page too.
        ChatTest.post(bobOnB, "Bob", "Hi Ada, from B");
        String[] both = {"Ada Hello from A", "Bob Hi Ada, from B"};
        assertThat(ChatTest.messages(adaOnA)).hasText(both, WITHIN_ACROSS_NODES);
        assertThat(ChatTest.messages(carolOnA)).hasText(both);
        assertThat(ChatTest.messages(bobOnB)).hasText(both);
    }

    @Test
    void withoutRedisEachNodeDeliversLocallyAndAfterRedisRestartsMessagesCrossAgain() throws Exception {
        Page adaOnA = openChat(server);
        Page carolOnA = openChat(server);
        Page bobOnB = openChat(nodeB);
        Page danOnB = openChat(nodeB);
        awaitNodesLinked();
        ChatTest.post(adaOnA, "Ada", "before the outage");
        assertThat(ChatTest.messages(bobOnB)).hasText(new String[] {"Ada before the outage"}, WITHIN_ACROSS_NODES);

        redis.stop();
        ChatTest.post(adaOnA, "Ada", "during the outage, on A");
        ChatTest.post(bobOnB, "Bob", "during the outage, on B");
        String[] onA = {"Ada before the outage", "Ada during the outage, on A"};
        String[] onB = {"Ada before the outage", "Bob during the outage, on B"};
        assertThat(ChatTest.messages(carolOnA)).hasText(onA);
        assertThat(ChatTest.messages(danOnB)).hasText(onB);
        assertThat(ChatTest.messages(adaOnA)).hasText(onA);
        assertThat(ChatTest.messages(bobOnB)).hasText(onB);

        redis.start();
        awaitNodesLinked();
        ChatTest.post(carolOnA, "Carol", "after the restart");
        assertThat(ChatTest.messages(danOnB)).hasText(appended(onB, "Carol after the restart"), WITHIN_ACROSS_NODES);
        ChatTest.post(danOnB, "Dan", "B hears A again");
        String[] endOnA = appended(appended(onA, "Carol after the restart"), "Dan B hears A again");
        String[] endOnB = appended(appended(onB, "Carol after the restart"), "Dan B hears A again");
        // Nothing sent during the outage crossed late: Redis stores nothing and the nodes queue nothing.
        assertThat(ChatTest.messages(adaOnA)).hasText(endOnA, WITHIN_ACROSS_NODES);
        assertThat(ChatTest.messages(carolOnA)).hasText(endOnA);
        assertThat(ChatTest.messages(bobOnB)).hasText(endOnB);
        assertThat(ChatTest.messages(danOnB)).hasText(endOnB);
    }

    /** Opens the chat on a node in a new browser context and waits until it has joined. */
    private Page openChat(LiveViewServer node) {
        Page page = newPage();
        page.navigate("http://localhost:" + node.port() + "/chat");
        page.locator("[data-lv-root].lv-connected").waitFor();
        return page;
    }

    /**
     * Waits until both nodes are linked through Redis: each has its subscription to the room in
     * place (a message published before a node's subscription takes effect is lost for that node,
     * by design) and each one's publishes reach the other. Redis counts subscriptions, but only a
     * message that crosses shows a node's publishing connection is back after an outage.
     */
    private void awaitNodesLinked() throws InterruptedException {
        long deadline = System.nanoTime() + ACROSS_NODES.toNanos();
        long subscribers;
        while ((subscribers = redis.subscribers(ROOM_CHANNEL)) < NODES) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Redis has " + subscribers + " subscriber(s) of " + ROOM_CHANNEL
                        + " after " + ACROSS_NODES.toSeconds() + " s, not one per node");
            }
            Thread.sleep(50);
        }
        awaitCrossing(server, nodeB, deadline);
        awaitCrossing(nodeB, server, deadline);
    }

    /** Broadcasts probes from one node until the other receives one; probes never touch the chat. */
    private static void awaitCrossing(LiveViewServer from, LiveViewServer to, long deadline) throws InterruptedException {
        CountDownLatch received = new CountDownLatch(1);
        PubSub.Subscription probe = to.pubSub().subscribe("probe", message -> received.countDown());
        try {
            do {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no probe crossed from port " + from.port() + " to port " + to.port());
                }
                from.pubSub().broadcast("probe", "ping");
            } while (!received.await(100, TimeUnit.MILLISECONDS));
        } finally {
            probe.cancel();
        }
    }

    private static String[] appended(String[] texts, String text) {
        String[] longer = Arrays.copyOf(texts, texts.length + 1);
        longer[texts.length] = text;
        return longer;
    }
}
