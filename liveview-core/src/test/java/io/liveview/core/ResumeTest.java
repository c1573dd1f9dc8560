package io.liveview.core;

import static io.liveview.core.TestClient.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mount once, and views that outlive a lost socket for a grace period. */
class ResumeTest extends ServerTest {

    private static String count(JsonNode joinReply) {
        return Html.parseFragment(joinReply.get(3).get("html").asText()).getElementById("count").text();
    }

    @Test
    void aPageVisitMountsItsViewOnceAndTheSocketAdoptsIt() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/counting");
        assertEquals(1, CountingLive.mounts(page.viewId()), "the first render mounted it");
        try (TestClient client = new TestClient(port, page.cookie())) {
            JsonNode joined = client.join(page, true);
            assertEquals("ok", joined.get(3).path("status").asText("ok"));
            assertFalse(joined.get(3).has("html"), "adopted as rendered: nothing to send");
            assertEquals(1, CountingLive.mounts(page.viewId()), "the join adopted it instead of mounting again");
            assertEquals(1, CountingLive.connects(page.viewId()), "connected() ran once the socket was there");
        }
    }

    @Test
    void aJoinAfterTheWindowOrFromAnotherSessionMountsAfresh() throws Exception {
        int port = start(b -> b.mountOnce(Duration.ofMillis(100)));
        TestClient.LivePage late = TestClient.get(port, "/counting");
        Thread.sleep(500);
        try (TestClient client = new TestClient(port, late.cookie())) {
            assertEquals("ok", client.join(late, true).get(3).path("status").asText("ok"));
            assertEquals(2, CountingLive.mounts(late.viewId()));
        }
        int again = start(b -> b);
        TestClient.LivePage page = TestClient.get(again, "/counting");
        assertEquals(null, server.firstRenders().take(page.viewId(), "another-session", "/counting"),
                "only the session that rendered the page may adopt it");
    }

    @Test
    void aViewWhoseSocketDropsKeepsItsStateForARejoinWithinTheGrace() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/counting");
        try (TestClient first = new TestClient(port, page.cookie())) {
            first.join(page, true);
            for (int i = 0; i < 5; i++) {
                first.event(page.viewId(), "inc");
            }
        }
        try (TestClient second = new TestClient(port, page.cookie())) {
            JsonNode resumed = second.join(page, false);
            assertEquals("ok", resumed.get(3).path("status").asText("ok"));
            assertEquals("5", count(resumed), "the state survived the lost socket");
            assertEquals(1, CountingLive.mounts(page.viewId()), "no mount again");
            assertNull(CountingLive.ended(page.viewId()));
            JsonNode reply = second.event(page.viewId(), "inc");
            assertTrue(reply.get(3).get("patch").toString().contains("\"6\""), reply.toString());
        }
    }

    @Test
    void afterTheGraceTheViewTerminatesAndARejoinMountsAfresh() throws Exception {
        int port = start(b -> b.resumeGrace(Duration.ofMillis(200)));
        TestClient.LivePage page = TestClient.get(port, "/counting");
        try (TestClient first = new TestClient(port, page.cookie())) {
            first.join(page, true);
            first.event(page.viewId(), "inc");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (CountingLive.ended(page.viewId()) == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(TerminateReason.CLOSED, CountingLive.ended(page.viewId()));
        try (TestClient second = new TestClient(port, page.cookie())) {
            assertEquals("0", count(second.join(page, false)));
            assertEquals(2, CountingLive.mounts(page.viewId()));
        }
    }

    @Test
    void aRejoinFromAnotherSessionDoesNotGetTheWaitingView() throws Exception {
        int port = start(b -> b);
        TestClient.LivePage page = TestClient.get(port, "/counting");
        try (TestClient first = new TestClient(port, page.cookie())) {
            first.join(page, true);
            first.event(page.viewId(), "inc", values());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.lostViews().size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(null, server.lostViews().take(page.viewId(), "someone-else", "/counting"));
        assertEquals(1, server.lostViews().size(), "still waiting for its own session");
    }

    @Test
    void waitingViewsAreBoundedAndTheOldestMakesWay() throws Exception {
        int port = start(b -> b.maxWaitingViews(2));
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            TestClient.LivePage page = TestClient.get(port, "/counting");
            ids[i] = page.viewId();
            try (TestClient client = new TestClient(port, page.cookie())) {
                client.join(page, true);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.lostViews().size() < Math.min(i + 1, 2) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (CountingLive.ended(ids[0]) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(TerminateReason.CLOSED, CountingLive.ended(ids[0]), "the oldest made way");
        assertEquals(2, server.lostViews().size());
        server.stop();
        assertEquals(TerminateReason.SHUTDOWN, CountingLive.ended(ids[2]), "waiting views end with the server");
        server = null;
    }
}
