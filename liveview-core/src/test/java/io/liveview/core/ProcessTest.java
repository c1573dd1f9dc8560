package io.liveview.core;

import static io.liveview.core.TestClient.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import io.liveview.diff.PatchApplier;
import io.liveview.diff.PatchCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Views as processes: messages from anywhere, timers, async work, topics and a clean end. */
class ProcessTest extends ServerTest {

    private int port;

    @BeforeEach
    void startServer() {
        port = start(b -> b
                .rateLimit(10_000, 10_000)
                .mailboxCapacity(100_000)
                .resumeGrace(Duration.ZERO)); // ResumeTest covers views that outlive their socket
        ProcessLive.OVERLAPS.set(0);
    }

    /** A joined view and the DOM the client would show, kept up to date from replies and pushes. */
    private final class Live implements AutoCloseable {
        final TestClient.LivePage page;
        final TestClient client;
        final Element dom;
        int diffPushes;

        Live() throws Exception {
            page = TestClient.get(port, "/process");
            client = new TestClient(port, page.cookie());
            JsonNode joined = client.join(page, true);
            assertEquals("ok", joined.get(3).path("status").asText("ok"));
            assertEquals(joined, client.frames.take(), "the join's reply comes first");
            dom = Html.parseFragment(page.inner());
        }

        /** Sends an event and applies, in arrival order, the pushes before its reply and the reply. */
        JsonNode event(String name, String... values) throws Exception {
            String ref = client.cast(page.viewId(), name, values(values));
            while (true) {
                JsonNode frame = next(Duration.ofSeconds(10));
                if (frame == null) {
                    throw new AssertionError("no reply to " + name);
                }
                if (frame.get(0).isNull()) {
                    applyPush(frame);
                } else if (frame.get(0).asText().equals(ref)) {
                    apply(frame.get(3).get("patch"));
                    return frame;
                }
            }
        }

        String text(String id) {
            return dom.getElementById(id).text();
        }

        /** Applies pushes as they come until the element shows the text. */
        void awaitText(String id, String expected) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!text(id).equals(expected)) {
                JsonNode push = next(Duration.ofNanos(deadline - System.nanoTime()));
                if (push == null) {
                    throw new AssertionError("#" + id + " shows '" + text(id) + "', not '" + expected + "'");
                }
                applyPush(push);
            }
        }

        /** Applies pushes as they come until the element shows a number of at least {@code least}. */
        void awaitAtLeast(String id, int least) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Integer.parseInt(text(id)) < least) {
                JsonNode push = next(Duration.ofNanos(deadline - System.nanoTime()));
                if (push == null) {
                    throw new AssertionError("#" + id + " shows " + text(id) + ", not at least " + least);
                }
                applyPush(push);
            }
        }

        /** The next push within the time, applied; {@code null} if none came. */
        JsonNode nextPush(Duration within) throws InterruptedException {
            JsonNode push = next(within);
            if (push != null) {
                applyPush(push);
            }
            return push;
        }

        private JsonNode next(Duration within) throws InterruptedException {
            return client.frames.poll(Math.max(0, within.toNanos()), TimeUnit.NANOSECONDS);
        }

        private void applyPush(JsonNode push) {
            assertEquals("diff", push.get(2).asText(), push.toString());
            diffPushes++;
            apply(push.get(3).get("patch"));
        }

        private void apply(JsonNode patch) {
            if (patch != null) {
                PatchApplier.apply(PatchCodec.decode(patch.toString()), dom);
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void anyThreadMaySendTheViewAMessageThroughItsAddress() throws Exception {
        try (Live live = new Live()) {
            ViewRef ref = ProcessLive.REFS.get(live.page.viewId());
            Thread.ofPlatform().start(() -> ref.send("from another thread")).join();
            live.awaitText("heard", "from another thread");
        }
    }

    @Test
    void messagesHandledBackToBackRenderOnceAndPushOneDiff() throws Exception {
        try (Live live = new Live()) {
            live.event("burst", "n", "20");
            live.awaitText("ticks", "20");
            assertEquals(1, live.diffPushes, "twenty messages queued together: one render, one push");
            assertNull(live.nextPush(Duration.ofMillis(200)), "nothing more arrives");
        }
    }

    @Test
    void timersFireOnceOrEveryPeriodUntilCancelled() throws Exception {
        try (Live live = new Live()) {
            live.event("after", "ms", "50");
            live.awaitText("ticks", "1");
            live.event("every", "ms", "20");
            // Ticks handled back to back render once: the count may step over any one value.
            live.awaitAtLeast("ticks", 4);
            live.event("cancel");
            // Drain what was already on its way, then the count stands still.
            while (live.nextPush(Duration.ofMillis(300)) != null) {
                continue;
            }
            String settled = live.text("ticks");
            assertNull(live.nextPush(Duration.ofMillis(300)), "a cancelled timer stays quiet");
            assertEquals(settled, live.text("ticks"));
        }
    }

    @Test
    void asyncWorkAnswersThroughTheMailboxWhileTheViewKeepsAnsweringEvents() throws Exception {
        try (Live live = new Live()) {
            live.event("async", "ms", "300");
            assertEquals("ok", live.event("tick").get(3).path("status").asText("ok"), "events are answered while the task runs");
            assertEquals("1", live.text("ticks"));
            live.awaitText("label", "load: loaded");
            live.event("async-fail");
            live.awaitText("label", "load failed: no data");
        }
    }

    @Test
    void assignAsyncRendersLoadingThenTheValueOrTheFailure() throws Exception {
        try (Live live = new Live()) {
            assertEquals("loading", live.text("user"));
            live.event("assign-async", "ms", "100");
            live.awaitText("user", "Ada");
            live.event("assign-async", "ms", "10", "fail", "yes");
            live.awaitText("user", "failed: user service down");
        }
    }

    @Test
    void aViewThatEndsInterruptsItsTasksAndTheirResultsNeverArrive() throws Exception {
        ProcessLive.interrupted = new CountDownLatch(1);
        try (Live live = new Live()) {
            live.event("async-block");
            live.event("every", "ms", "20");
            assertEquals("ok", live.client.call(live.page.viewId(), "leave", TestClient.JSON.createObjectNode()).get(3).path("status").asText("ok"));
            assertTrue(ProcessLive.interrupted.await(10, TimeUnit.SECONDS), "the task was interrupted");
            assertEquals(TerminateReason.LEAVE, ProcessLive.TERMINATED.get(live.page.viewId()));
            live.client.pushes.clear();
            assertNull(live.client.pushes.poll(300, TimeUnit.MILLISECONDS), "no timer tick or task result after the end");
        }
    }

    @Test
    void terminateRunsWhenTheSocketClosesTheViewCrashesOrTheServerStops() throws Exception {
        String closedId;
        try (Live live = new Live()) {
            closedId = live.page.viewId();
        }
        eventually(() -> ProcessLive.TERMINATED.get(closedId) == TerminateReason.CLOSED, "terminate(CLOSED)");

        try (Live live = new Live()) {
            live.client.event(live.page.viewId(), "boom");
            assertEquals(TerminateReason.CRASH, ProcessLive.TERMINATED.get(live.page.viewId()));
        }

        Live survivor = new Live();
        server.stop();
        assertEquals(TerminateReason.SHUTDOWN, ProcessLive.TERMINATED.get(survivor.page.viewId()), "stop() waits for terminate");
        assertEquals(1001, survivor.client.awaitClose(), "pages are told to reconnect");
        survivor.close();
        server = null;
    }

    @Test
    void viewsHearTopicsFromEachOtherAndFromAnyCode() throws Exception {
        try (Live first = new Live(); Live second = new Live()) {
            first.event("shout");
            second.awaitText("heard", "hello from " + first.page.viewId());
            assertNull(first.nextPush(Duration.ofMillis(200)), "broadcastFrom skips the sender");
            server.pubSub().broadcast("room", "from a scheduled job");
            first.awaitText("heard", "from a scheduled job");
            second.awaitText("heard", "from a scheduled job");
        }
    }

    @Test
    void aViewFloodedWithMessagesDoesNotStarveTheOthers() throws Exception {
        try (Live flooded = new Live(); Live other = new Live()) {
            ProcessLive.NAPS.set(0);
            ViewRef ref = ProcessLive.REFS.get(flooded.page.viewId());
            int naps = 5_000; // about 5 s of work for the flooded view
            for (int i = 0; i < naps; i++) {
                ref.send("nap");
            }
            assertEquals("ok", other.event("tick").get(3).path("status").asText("ok"));
            assertEquals("1", other.text("ticks"));
            assertTrue(ProcessLive.NAPS.get() < naps, "the other view was answered while the flood was still being handled");
        }
    }

    @Test
    void aViewHammeredByTimersTopicsAsyncAndEventsNeverRunsTwoCallbacksAtOnce() throws Exception {
        try (Live live = new Live()) {
            ViewRef ref = ProcessLive.REFS.get(live.page.viewId());
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 250; i++) {
                        ref.send("tick");
                    }
                }));
            }
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    server.pubSub().broadcast("room", "noise " + i);
                }
            }));
            live.event("every", "ms", "1");
            for (int i = 0; i < 100; i++) {
                live.event(i % 10 == 0 ? "async" : "tick", "ms", "1");
            }
            live.event("cancel");
            for (Thread sender : senders) {
                sender.join();
            }
            live.event("tick");
            assertEquals(0, ProcessLive.OVERLAPS.get());
            int afterAll = Integer.parseInt(live.text("ticks"));
            assertTrue(afterAll >= 1_000 + 90 + 1, "every tick counted: " + afterAll);
        }
    }
}
