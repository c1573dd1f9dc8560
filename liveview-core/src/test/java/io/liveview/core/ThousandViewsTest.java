package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import io.liveview.diff.PatchApplier;
import io.liveview.diff.PatchCodec;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Views as processes at scale: a thousand views on one server, ten sockets of a hundred (the default
 * {@code maxViewsPerSocket}), and what one crashing view costs the others: nothing.
 */
class ThousandViewsTest extends ServerTest {

    private static final int SOCKETS = 10;
    private static final int VIEWS_PER_SOCKET = 100;

    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        // Each socket sends a few hundred frames back to back; the default 100/s would refuse them.
        start(b -> b.rateLimit(10_000, 10_000));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TestClient::close);
    }

    /** One joined view and the DOM its page would show, kept up to date from the replies. */
    private static final class JoinedView {
        final TestClient client;
        final TestClient.LivePage page;
        final int start;
        Element dom;

        JoinedView(TestClient client, TestClient.LivePage page, int start) {
            this.client = client;
            this.page = page;
            this.start = start;
            this.dom = Html.parseFragment(page.inner());
        }

        String id() {
            return page.viewId();
        }

        /** Joins with the page's URL, so the connected mount reads the same {@code start}. */
        JsonNode join(boolean pristine) throws Exception {
            JsonNode reply = client.join(id(), page.token(), page.csrf(), pristine, "http://localhost/tally?start=" + start);
            JsonNode html = reply.get(3).get("html");
            if (html != null) {
                dom = Html.parseFragment(html.asText());
            }
            return reply;
        }

        JsonNode event(String name) throws Exception {
            JsonNode reply = client.event(id(), name);
            JsonNode patch = reply.get(3).get("patch");
            if (patch != null) {
                PatchApplier.apply(PatchCodec.decode(patch.toString()), dom);
            }
            return reply;
        }

        int shownCount() {
            return Integer.parseInt(dom.getElementById("count").text());
        }
    }

    /** Renders and joins every view; each starts at its own count, so a mixed-up reply shows. */
    private List<JoinedView> joinThousandViews() throws Exception {
        List<JoinedView> views = new ArrayList<>();
        for (int s = 0; s < SOCKETS; s++) {
            String cookie = TestClient.get(server.port(), "/tally").cookie();
            TestClient client = new TestClient(server.port(), cookie);
            clients.add(client);
            for (int v = 0; v < VIEWS_PER_SOCKET; v++) {
                int start = 1_000 * views.size();
                TestClient.LivePage page = TestClient.get(server.port(), "/tally?start=" + start, cookie);
                JoinedView view = new JoinedView(client, page, start);
                JsonNode joined = view.join(true);
                assertEquals("ok", status(joined), joined.toString());
                assertNull(joined.get(3).get("html"), "the connected mount renders what the page shows");
                views.add(view);
            }
        }
        return views;
    }

    /** Crashes a joined view and takes the error push that tells its page to rejoin. */
    private static void crash(JoinedView view) throws Exception {
        assertEquals("handler_crashed", reason(view.event("boom")));
        JsonNode push = view.client.nextPush();
        assertEquals(view.id(), push.get(1).asText(), push.toString());
        assertEquals("error", push.get(2).asText(), push.toString());
    }

    private static void assertIncrementsTo(JoinedView view, int expected) throws Exception {
        JsonNode reply = view.event("inc");
        assertEquals("ok", status(reply), reply.toString());
        assertEquals(expected, view.shownCount(), "view " + view.id() + " after " + reply);
    }

    @Test
    void oneViewCrashingOrCrashLoopingAmongAThousandCostsTheOthersNothing() throws Exception {
        List<JoinedView> views = joinThousandViews();
        assertEquals(SOCKETS * VIEWS_PER_SOCKET, server.processCount());
        JoinedView crasher = views.get(345);
        JoinedView looper = views.get(789);

        crash(crasher);
        for (JoinedView view : views) {
            if (view != crasher) {
                assertIncrementsTo(view, view.start + 1);
            }
        }

        assertEquals("unknown_view", reason(crasher.event("inc")), "a crashed view is gone until its page rejoins");
        JsonNode rejoined = crasher.join(false);
        assertEquals("ok", status(rejoined), rejoined.toString());
        assertNotNull(rejoined.get(3).get("html"), "a rejoin that is not pristine carries the HTML");
        assertEquals(crasher.start, crasher.shownCount(), "mounted afresh: its count is back to the mount's");
        assertEquals(2, MountTallyLive.connectedMounts(crasher.id()), "the first mount and exactly one more");
        assertIncrementsTo(crasher, crasher.start + 1);

        for (int crashes = 1; crashes <= CrashLog.CRASHES; crashes++) {
            if (crashes > 1) {
                assertEquals("ok", status(looper.join(false)), "rejoin after crash " + (crashes - 1));
            }
            crash(looper);
        }
        JsonNode refused = looper.join(false);
        assertEquals("crash_loop", reason(refused), refused.toString());
        assertEquals(CrashLog.CRASHES, MountTallyLive.connectedMounts(looper.id()), "the refused join mounted nothing");

        for (JoinedView view : views) {
            if (view == looper) {
                continue;
            }
            assertIncrementsTo(view, view.start + 2);
            if (view != crasher) {
                assertEquals(1, MountTallyLive.connectedMounts(view.id()), "view " + view.id() + " was never remounted");
            }
        }
        for (TestClient client : clients) {
            assertNull(client.pushes.poll(), "no view was told of a crash that was not its own");
        }
    }
}
