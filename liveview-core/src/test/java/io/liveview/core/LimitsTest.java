package io.liveview.core;

import static io.liveview.core.TestClient.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Each documented limit and protocol outcome, over real sockets, on a server configured for it. */
class LimitsTest extends ServerTest {

    @Test
    void anOversizedFrameClosesWith1009EvenWhenItIsHuge() throws Exception {
        int port = start(b -> b);
        try (TestClient client = new TestClient(port, null)) {
            client.sendRaw("[\"1\", null, \"heartbeat\", {\"pad\": \"" + "x".repeat(10_000_000) + "\"}]");
            assertEquals(1009, client.awaitClose());
        }
    }

    @Test
    void framesThatAreNotExactlyOneJsonValueWithinLimitsCloseWith1008AndSayWhy() throws Exception {
        int port = start(b -> b);
        String heartbeat = "[\"1\", null, \"heartbeat\", {}]";
        assertClosedWith(port, heartbeat + " [\"2\", null, \"heartbeat\", {}]", "more than one JSON value");
        assertClosedWith(port, heartbeat + " x", "not JSON");
        assertClosedWith(port, "[\"1\", null, \"heartbeat\", {\"n\": " + "9".repeat(5_000) + "}]", "JSON limit");
        assertClosedWith(port, "[\"1\", null, \"heartbeat\", {\"n\": " + "[".repeat(40) + "]".repeat(40) + "}]", "JSON limit");
        assertClosedWith(port, "", "empty");
    }

    private static void assertClosedWith(int port, String frame, String reasonPart) throws Exception {
        try (TestClient client = new TestClient(port, null)) {
            client.sendRaw(frame);
            assertEquals(1008, client.awaitClose(), frame.length() > 80 ? frame.substring(0, 80) : frame);
            String reason = client.closeReason.get();
            assertTrue(reason.contains(reasonPart), reason);
        }
    }

    @Test
    void repliesRepeatAtMostAShortEscapedPrefixOfClientInput() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            String name = "\n<script>" + "x".repeat(60_000);
            JsonNode reply = client.event(page.viewId(), name);
            assertEquals("unknown_event", reason(reply));
            String message = reply.get(3).get("message").asText();
            assertTrue(message.length() < 300, message);
            assertTrue(message.contains("\\u000a<script>xxx"), message);
            assertFalse(message.contains("\n"), message);

            JsonNode badPayload = client.event(page.viewId(), "need-int", values("n", "y".repeat(10_000)));
            assertEquals("bad_payload", reason(badPayload));
            assertTrue(badPayload.toString().length() < 400, badPayload.toString());

            client.sendRaw("[\"" + "7".repeat(5_000) + "\", null, \"heartbeat\", {}]");
            JsonNode refless = client.nextPush();
            assertEquals("bad_frame", reason(refless));
            assertTrue(refless.toString().length() < 300, refless.toString());
            client.sendRaw("[\"8\", \"" + "v".repeat(5_000) + "\", \"event\", {}]");
            JsonNode viewless = client.awaitReply("8");
            assertEquals("bad_frame", reason(viewless));
            assertTrue(viewless.get(1).isNull());
            assertEquals("ok", status(client.event(page.viewId(), "inc")));
        }
    }

    @Test
    void aWrongPayloadIsTheClientsErrorAndTheViewKeepsItsState() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            assertEquals("ok", status(client.event(page.viewId(), "need-int", values("n", "5"))));
            for (int i = 0; i < 20; i++) {
                JsonNode reply = client.event(page.viewId(), "need-int", values("n", "notanumber"));
                assertEquals("bad_payload", reason(reply));
                assertTrue(reply.get(3).get("message").asText().contains("'n' is not an integer: notanumber"));
            }
            assertEquals("bad_payload", reason(client.event(page.viewId(), "need-int")));
            JsonNode reply = client.event(page.viewId(), "need-int", values("n", "2"));
            assertTrue(reply.get(3).get("patch").toString().contains("\"7\""), reply.toString());
        }
    }

    @Test
    void aSocketSilentPastTheIdleTimeoutClosesWith1008WhileAHeartbeatingOneStays() throws Exception {
        int port = start(b -> b.socketIdleTimeout(Duration.ofMillis(1_500)));
        try (TestClient silent = new TestClient(port, null);
             TestClient alive = new TestClient(port, null)) {
            for (int i = 0; i < 15; i++) {
                assertEquals("ok", status(alive.call(null, "heartbeat", TestClient.JSON.createObjectNode())));
                Thread.sleep(200);
            }
            assertEquals(1008, silent.awaitClose());
            assertEquals("idle timeout", silent.closeReason.get());
            assertFalse(alive.closeCode.isDone(), "a socket that heartbeats is not idle");
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedWith1008OnceItsQueueIsFull() throws Exception {
        int port = start(b -> b.maxQueuedBytes(64 * 1024).rateLimit(10_000, 10_000));
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            client.pauseReading();
            // A timer pushes a 50 KB patch every 2 ms: they fill the TCP buffers, then the queue.
            client.cast(page.viewId(), "stream", values());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.processCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            client.resumeReading();
            assertEquals(1008, client.awaitClose());
            assertEquals("client too slow", client.closeReason.get());
        }
    }

    @Test
    void framesOverTheRateAreRefusedWithoutClosingTheSocket() throws Exception {
        int port = start(b -> b.rateLimit(5, 10));
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                refs.add(client.cast(page.viewId(), "inc", values()));
            }
            Set<String> reasons = new HashSet<>();
            int ok = 0;
            for (String ref : refs) {
                JsonNode reply = client.awaitReply(ref);
                if (status(reply).equals("ok")) {
                    ok++;
                } else {
                    reasons.add(reason(reply));
                }
            }
            assertEquals(Set.of("rate_limited"), reasons);
            assertTrue(ok >= 9 && ok < 25, "about the burst passes, not all 30: " + ok);
            Thread.sleep(1_000);
            assertEquals("ok", status(client.event(page.viewId(), "inc")), "the bucket refills");
            assertFalse(client.closeCode.isDone());
        }
    }

    @Test
    void aSocketMayJoinOnlySoManyViews() throws Exception {
        int port = start(b -> b.maxViewsPerSocket(2));
        TestClient.LivePage first = TestClient.get(port, "/probe");
        TestClient.LivePage second = TestClient.get(port, "/probe", first.cookie());
        TestClient.LivePage third = TestClient.get(port, "/probe", first.cookie());
        try (TestClient client = new TestClient(port, first.cookie())) {
            assertEquals("ok", status(client.join(first, true)));
            assertEquals("ok", status(client.join(second, true)));
            assertEquals("too_many_views", reason(client.join(third, true)));
            assertEquals("unknown_view", reason(client.event(third.viewId(), "inc")));
            assertEquals("ok", status(client.call(second.viewId(), "leave", TestClient.JSON.createObjectNode())));
            assertEquals("ok", status(client.join(third, true)));
            assertEquals("ok", status(client.event(third.viewId(), "inc")));
        }
    }

    @Test
    void aFullMailboxAnswersOverloadedAndEveryReplyKeepsItsPlace() throws Exception {
        int port = start(b -> b.mailboxCapacity(3));
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            List<String> refs = new ArrayList<>();
            refs.add(client.cast(page.viewId(), "sleep", values("ms", "300")));
            // 3 fit beside the running sleep; the refusals queue behind them, within the allowance of
            // twice the capacity.
            for (int i = 0; i < 5; i++) {
                refs.add(client.cast(page.viewId(), "inc", values()));
            }
            List<String> outcomes = outcomesInOrder(client, refs);
            int accepted = outcomes.indexOf("overloaded");
            assertTrue(accepted == 3 || accepted == 4, "the sleep (unless still queued) and 3 more fit: " + outcomes);
            assertEquals(Set.of("overloaded"), Set.copyOf(outcomes.subList(accepted, outcomes.size())), outcomes.toString());

            // Past the allowance the client is flooding: the socket closes.
            client.cast(page.viewId(), "sleep", values("ms", "300"));
            try {
                for (int i = 0; i < 20 && !client.closeCode.isDone(); i++) {
                    client.cast(page.viewId(), "inc", values());
                }
            } catch (CompletionException closedWhileSending) {
                // The server may close before the flood is all sent: that is the point.
            }
            assertEquals(1008, client.awaitClose());
            assertEquals("too many frames waiting for a view", client.closeReason.get());
        }
    }

    /** Reads one reply per ref, asserting they arrive in the order of the refs; gives "ok" or the error reason of each. */
    private static List<String> outcomesInOrder(TestClient client, List<String> refs) throws InterruptedException {
        List<String> outcomes = new ArrayList<>();
        for (String ref : refs) {
            JsonNode reply = client.nextReply();
            assertEquals(ref, reply.get(0).asText(), "replies leave in the order the frames arrived");
            outcomes.add(status(reply).equals("ok") ? "ok" : reason(reply));
        }
        return outcomes;
    }

    @Test
    void aLeaveIsAnsweredAfterTheEventsBeforeItAndBeforeTheFramesAfterIt() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/probe");
        try (TestClient client = new TestClient(port, page.cookie())) {
            client.join(page, true);
            List<String> refs = new ArrayList<>();
            refs.add(client.cast(page.viewId(), "sleep", values("ms", "200")));
            for (int i = 0; i < 20; i++) {
                refs.add(client.cast(page.viewId(), "inc", values()));
            }
            String leave = String.valueOf(100);
            client.sendRaw("[\"" + leave + "\", \"" + page.viewId() + "\", \"leave\", {}]");
            refs.add(leave);
            refs.add(client.cast(page.viewId(), "inc", values()));
            List<String> outcomes = outcomesInOrder(client, refs);
            assertEquals("ok", outcomes.get(outcomes.size() - 2), "the leave");
            assertEquals("unknown_view", outcomes.get(outcomes.size() - 1), "an event after the leave");
            JsonNode rejoin = client.join(page, false);
            assertEquals("ok", status(rejoin));
            assertNotNull(rejoin.get(3).get("html"));
        }
    }

    @Test
    void aMountThatFailsIsRefusedAndTheSocketServesOtherViews() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage failing = TestClient.get(port, "/failing");
        TestClient.LivePage probe = TestClient.get(port, "/probe", failing.cookie());
        assertEquals(200, failing.status());
        try (TestClient client = new TestClient(port, failing.cookie())) {
            JsonNode refused = client.join(failing, true);
            assertEquals("mount_failed", reason(refused));
            assertTrue(refused.get(3).get("message").asText().contains(failing.viewId()));
            assertFalse(refused.toString().contains("database"), "no exception detail reaches the client");
            assertEquals("unknown_view", reason(client.event(failing.viewId(), "inc")));
            assertEquals("mount_failed", reason(client.join(failing, false)), "a retry mounts again");
            assertEquals("ok", status(client.join(probe, true)));
        }
    }

    @Test
    void crashesCausedByAClientCostNoMemoryPerAttempt() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/probe");
        TestClient.LivePage other = TestClient.get(port, "/probe", page.cookie());
        try (TestClient client = new TestClient(port, page.cookie())) {
            for (int i = 0; i < 50; i++) {
                TestClient.LivePage crashing = TestClient.get(port, "/probe", page.cookie());
                assertEquals("ok", status(client.join(crashing, false)));
                assertEquals("handler_crashed", reason(client.event(crashing.viewId(), "boom")));
                client.nextPush();
            }
            for (int i = 0; i < 50; i++) {
                assertEquals("ok", status(client.join(other, false)));
                assertEquals("ok", status(client.call(other.viewId(), "leave", TestClient.JSON.createObjectNode())));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.processCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, server.processCount(), "crashed and left views are forgotten");
            assertEquals("ok", status(client.join(page, false)));
            assertEquals(1, server.processCount());
        }
    }

    @Test
    void aViewThatCrashesThreeTimesWithinThirtySecondsIsNotMountedAgain() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/probe");
        TestClient.LivePage bystander = TestClient.get(port, "/probe", page.cookie());
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("ok", status(client.join(bystander, true)));
            for (int i = 0; i < 3; i++) {
                assertEquals("ok", status(client.join(page, false)));
                assertEquals("handler_crashed", reason(client.event(page.viewId(), "boom")));
                client.nextPush();
            }
            JsonNode refused = client.join(page, false);
            assertEquals("crash_loop", reason(refused));
            assertTrue(refused.get(3).get("message").asText().contains("Reload the page"));
            assertEquals("ok", status(client.event(bystander.viewId(), "inc")), "other views are untouched");
        }
    }

    @Test
    void anAllowedOriginMayOpenASocket() throws Exception {
        int port = start(b -> b.allowOrigin("https://app.example.com"));
        try (TestClient client = new TestClient(port, null, "https://app.example.com")) {
            assertEquals("ok", status(client.call(null, "heartbeat", TestClient.JSON.createObjectNode())));
        }
        Exception refused = assertThrows(Exception.class, () -> new TestClient(port, null, "https://other.example.com"));
        assertEquals(403, ProtocolTest.handshakeStatus(refused));
    }

    @Test
    void aMailboxCapacityBelowOneIsRefusedAtBuildTime() {
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().mailboxCapacity(0));
    }
}
