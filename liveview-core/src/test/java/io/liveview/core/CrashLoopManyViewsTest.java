package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crash-loop refusal on a socket whose views all crash, as a page of widgets over a dead backend
 * does: every view that crashed three times within 30 s must be refused, however many there are
 * (up to {@code maxViewsPerSocket}).
 */
class CrashLoopManyViewsTest extends ServerTest {

    // A full socket: the default maxViewsPerSocket.
    private static final int CRASHING_VIEWS = 100;

    @Test
    void everyViewThatCrashedThreeTimesIsRefusedEvenWhenManyCrashInTurn() throws Exception {
        start(b -> b.rateLimit(10_000, 10_000));
        String cookie = TestClient.get(server.port(), "/tally").cookie();
        try (TestClient client = new TestClient(server.port(), cookie)) {
            List<TestClient.LivePage> pages = new ArrayList<>();
            for (int i = 0; i < CRASHING_VIEWS; i++) {
                pages.add(TestClient.get(server.port(), "/tally", cookie));
            }
            // Each round joins every view and crashes it, the way the client rejoins after each error push.
            for (int round = 1; round <= CrashLog.CRASHES; round++) {
                for (TestClient.LivePage page : pages) {
                    JsonNode joined = client.join(page, false);
                    assertEquals("ok", joined.get(3).path("status").asText("ok"), "round " + round + ": " + joined);
                    assertEquals("handler_crashed", reason(client.event(page.viewId(), "boom")));
                    client.nextPush();
                }
            }
            int mountedAgain = 0;
            for (TestClient.LivePage page : pages) {
                if (!reason(client.join(page, false)).equals("crash_loop")) {
                    mountedAgain++;
                }
            }
            assertEquals(0, mountedAgain, "of " + CRASHING_VIEWS + " views that crashed " + CrashLog.CRASHES
                    + " times within 30 s, this many were mounted again instead of refused with crash_loop");
        }
    }
}
