package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "No input takes the server down": a seeded mutation fuzzer of frame decoding and event dispatch.
 *
 * <p>Each case opens a {@link Connection} in-process on a {@link RecordingTransport}, as the
 * WebSocket handler would, and feeds it a short sequence of frames: valid ones (heartbeats, joins
 * with real tokens, events {@code inc}, {@code noop}, {@code need-int} with good and bad values,
 * unknown events, leaves, rejoins), protocol mistakes (events before a join, joins with another
 * view's token or another session's page, double joins, joins past the view cap, leave then event,
 * unknown kinds), and about half of them mutated by {@link FrameMutator}. Then it checks, for every
 * frame: {@code receive} did not throw; a frame that is not one JSON value within the limits closed
 * the socket with 1008 and a documented reason, and nothing else did; every frame with a readable
 * ref got exactly one reply with that ref, with an outcome {@link ProtocolModel} allows in that
 * state; a frame without one got at most a {@code bad_frame} reply with a {@code null} ref; error
 * replies stay small and repeat client input only through {@link Echo}. Finally an {@code inc} on
 * every view still joined must show the model's count plus one, so no rejected frame changed state.
 *
 * <p>Most cases run on a server with a rate limit no case reaches and a cap of two views per
 * socket; one in {@value #FLOOD_EVERY} floods a server with the default limits past its burst.
 *
 * <p>System properties: {@code fuzz.seed} (random by default, printed, and in every failure),
 * {@code fuzz.cases} (default {@value #DEFAULT_CASES}). The long run, 200,000 cases:
 * {@code mvn -o -B verify -pl liveview-core -am -P fuzz -Dtest=ConnectionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are in
 * {@code liveview-core/target/surefire-reports/io.liveview.core.ConnectionFuzzTest-output.txt}.
 */
class ConnectionFuzzTest {

    private static final int DEFAULT_CASES = 5_000;
    private static final int FLOOD_EVERY = 100;
    private static final long REPLY_TIMEOUT_MILLIS = 5_000;
    /** An error reply repeats at most a view id and two echoes of 100 characters, each maybe escaped. */
    private static final int MAX_ERROR_REPLY_CHARS = 2_000;
    /** The same with each escape counted as the one character it stands for. */
    private static final int MAX_ERROR_MESSAGE_CHARS = 600;
    private static final int SHOWN_CHARS = 400;
    private static final Set<String> CLOSE_REASONS = Set.of(
            "frame is empty", "frame is not JSON", "frame holds more than one JSON value",
            "frame exceeds a JSON limit (nesting depth " + Frame.MAX_DEPTH + ", number length " + Frame.MAX_NUMBER_LENGTH + ")",
            "too many frames waiting for a view");

    /** A server with the pages one browser session fetched from it, and one page of another session. */
    private record Target(LiveViewServer server, String sessionId, String csrf, List<ProtocolModel.Page> pages,
                          int maxViews, boolean rateLimited) {

        ProtocolModel model() {
            return new ProtocolModel(pages, csrf, maxViews, rateLimited);
        }

        ProtocolModel.Page page(int index) {
            return pages.get(index);
        }
    }

    private static Target generous;
    private static Target defaults;

    @BeforeAll
    static void start() throws Exception {
        generous = target(LiveViewServer.builder().rateLimit(1_000_000, 1_000_000).maxViewsPerSocket(2), 2, false);
        defaults = target(LiveViewServer.builder(), Limits.DEFAULTS.maxViewsPerSocket(), true);
    }

    private static Target target(LiveViewServer.Builder builder, int maxViews, boolean rateLimited) throws Exception {
        LiveViewServer server = builder.live("/probe", ProbeLive::new).secret("fuzz-secret").port(0).start();
        TestClient.LivePage first = TestClient.get(server.port(), "/probe");
        List<ProtocolModel.Page> pages = new ArrayList<>();
        pages.add(page(first, true));
        for (int i = 0; i < 2; i++) {
            pages.add(page(TestClient.get(server.port(), "/probe", first.cookie()), true));
        }
        pages.add(page(TestClient.get(server.port(), "/probe"), false));
        String sessionId = server.tokens().verifySession(first.cookie().substring(first.cookie().indexOf('=') + 1)).id();
        return new Target(server, sessionId, first.csrf(), pages, maxViews, rateLimited);
    }

    private static ProtocolModel.Page page(TestClient.LivePage page, boolean sameSession) {
        return new ProtocolModel.Page(page.viewId(), page.token(), page.csrf(), sameSession, 0);
    }

    @AfterAll
    static void stop() {
        generous.server().stop();
        defaults.server().stop();
    }

    @Test
    void noFrameTakesTheServerDownOrChangesStateUndocumented() throws Exception {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        Random seeds = new Random(seed);
        Map<String, Long> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        for (int c = 0; c < cases; c++) {
            long caseSeed = seeds.nextLong();
            Random random = new Random(caseSeed);
            boolean flood = random.nextInt(FLOOD_EVERY) == 0;
            Target target = flood ? defaults : generous;
            List<String> frames = flood ? floodFrames(random, target) : caseFrames(random, target);
            try {
                play(target, frames, outcomes);
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + " failed; rerun with -Dfuzz.seed=" + seed + " (case seed "
                        + caseSeed + ")\n" + e.getMessage() + "\nframes:\n" + visible(frames), e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long frameCount = outcomes.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("seed %d: %d cases, %d frames in %.1f s (%.0f cases/s); outcomes: %s%n",
                seed, cases, frameCount, seconds, cases / seconds, outcomes);
        for (String outcome : new String[] {"ok", "bad_frame", "close", "unknown_view", "unknown_event", "bad_payload",
                "invalid_token", "invalid_csrf", "already_joined", "handler_crashed", "too_many_views", "mount_failed",
                "rate_limited"}) {
            assertTrue(cases < DEFAULT_CASES || outcomes.getOrDefault(outcome, 0L) > 0, "no " + outcome + " in " + outcomes);
        }
    }

    /** Found by the fuzzer: the release of a crashed view took the claim of the join after it. */
    @Test
    void aCrashReleasesOnlyItsOwnJoinNotTheRejoinQueuedBehindIt() throws Exception {
        ProtocolModel.Page page = generous.page(0);
        RecordingTransport transport = new RecordingTransport();
        Connection connection = new Connection(generous.server(), transport, generous.sessionId(), "");
        try {
            connection.receive(join("1", page, "http://localhost/probe"));
            // The sleep holds the mailbox, so the leave and the rejoin are read before the crash runs.
            connection.receive(event("2", page.viewId(), "sleep", "ms", "300"));
            connection.receive(event("3", page.viewId(), "boom", "x", "x"));
            connection.receive(frame("4", page.viewId(), Frame.LEAVE, TestClient.JSON.createObjectNode()));
            connection.receive(join("5", page, "http://localhost/probe"));
            assertTrue(transport.awaitReplies(Set.of("1", "2", "3", "4", "5"), REPLY_TIMEOUT_MILLIS), "replies missing");
            assertEquals("handler_crashed", outcome(transport, "3"));
            assertEquals("ok", outcome(transport, "5"));
            assertStillJoined(connection, transport, page);
        } finally {
            connection.closed();
        }
    }

    /** Found by the fuzzer: the same with a failed mount instead of a crash. */
    @Test
    void aFailedMountReleasesOnlyItsOwnJoinNotTheRejoinQueuedBehindIt() throws Exception {
        ProtocolModel.Page page = generous.page(0);
        RecordingTransport transport = new RecordingTransport();
        Connection connection = new Connection(generous.server(), transport, generous.sessionId(), "");
        try {
            connection.receive(join("1", page, "http://localhost/probe"));
            connection.receive(event("2", page.viewId(), "sleep", "ms", "300"));
            connection.receive(frame("3", page.viewId(), Frame.LEAVE, TestClient.JSON.createObjectNode()));
            connection.receive(join("4", page, "http://localhost/probe?start=not-a-number"));
            connection.receive(frame("5", page.viewId(), Frame.LEAVE, TestClient.JSON.createObjectNode()));
            connection.receive(join("6", page, "http://localhost/probe"));
            assertTrue(transport.awaitReplies(Set.of("1", "2", "3", "4", "5", "6"), REPLY_TIMEOUT_MILLIS), "replies missing");
            assertEquals("mount_failed", outcome(transport, "4"));
            assertEquals("ok", outcome(transport, "6"));
            assertStillJoined(connection, transport, page);
        } finally {
            connection.closed();
        }
    }

    /** Found by the fuzzer: the reply repeated a view id with control characters unescaped. */
    @Test
    void anUnknownViewIdIsRepeatedOnlyEscaped() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        Connection connection = new Connection(generous.server(), transport, generous.sessionId(), "");
        connection.receive(event("1", "lv-\u202e\u0000x", "inc", "by", "1"));
        assertTrue(transport.awaitReplies(Set.of("1"), REPLY_TIMEOUT_MILLIS), "no reply");
        assertEquals("unknown_view", outcome(transport, "1"));
        checkErrorReplies(transport);
        connection.closed();
    }

    /** A view joined with {@code ok} refuses another join, and counts on, once all replies are in. */
    private static void assertStillJoined(Connection connection, RecordingTransport transport, ProtocolModel.Page page)
            throws InterruptedException {
        connection.receive(join("again", page, "http://localhost/probe"));
        connection.receive(event("inc", page.viewId(), "inc", "by", "1"));
        assertTrue(transport.awaitReplies(Set.of("again", "inc"), REPLY_TIMEOUT_MILLIS), "replies missing");
        assertEquals("already_joined", outcome(transport, "again"), "the rejoined view must still be joined");
        assertEquals("ok", outcome(transport, "inc"));
    }

    private static String join(String ref, ProtocolModel.Page page, String url) {
        return frame(ref, page.viewId(), Frame.JOIN, TestClient.JSON.createObjectNode().put("token", page.token())
                .put("csrf", page.csrf()).put("url", url).put("pristine", false));
    }

    private static String event(String ref, String viewId, String name, String field, String value) {
        ObjectNode payload = TestClient.JSON.createObjectNode().put("type", "click").put("event", name);
        payload.set("value", TestClient.values(field, value));
        return frame(ref, viewId, Frame.EVENT, payload);
    }

    private static String frame(String ref, String viewId, String kind, ObjectNode payload) {
        return TestClient.JSON.createArrayNode().add(ref).add(viewId).add(kind).add(payload).toString();
    }

    private static String outcome(RecordingTransport transport, String ref) {
        JsonNode payload = transport.sent().stream().map(RecordingTransport.Sent::json)
                .filter(json -> json.get(0).asText().equals(ref) && json.get(2).asText().equals(Frame.REPLY))
                .findFirst().orElseThrow().get(3);
        return payload.path("status").asText("ok").equals("ok") ? "ok" : payload.get("reason").asText();
    }

    /**
     * Sends the frames to a new connection until it closes, then checks every reply and the state.
     * Frames the transport would refuse (over the frame size) or whose ref another frame of the case
     * already used (its reply could not be told apart) are left out.
     */
    private static void play(Target target, List<String> frames, Map<String, Long> outcomes) throws InterruptedException {
        RecordingTransport transport = new RecordingTransport();
        Connection connection = new Connection(target.server(), transport, target.sessionId(), "");
        ProtocolModel model = target.model();
        List<FrameShape> played = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        try {
            for (String text : frames) {
                FrameShape shape = FrameShape.of(text);
                boolean tooLarge = text.getBytes(StandardCharsets.UTF_8).length > Limits.DEFAULTS.maxFrameBytes();
                if (tooLarge || shape.ref() != null && !refs.add(shape.ref())) {
                    continue;
                }
                receive(connection, text);
                played.add(shape);
                if (transport.isClosed()) {
                    break;
                }
            }
            checkClose(transport, played, outcomes);
            awaitReplies(transport, played.stream().map(FrameShape::ref).filter(ref -> ref != null).collect(Collectors.toSet()));
            int unreadable = 0;
            for (FrameShape shape : played) {
                if (shape.ref() != null) {
                    count(outcomes, model.step(shape.json(), replyTo(transport, shape)));
                } else if (!shape.malformed()) {
                    unreadable++;
                }
            }
            probeCounts(connection, transport, model, outcomes);
            checkUnansweredFrames(transport, model, unreadable, outcomes);
            checkErrorReplies(transport);
        } finally {
            connection.closed();
        }
    }

    private static void receive(Connection connection, String text) {
        try {
            connection.receive(text);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("receive threw " + e + " for " + visible(List.of(text)), e);
        }
    }

    /** The socket closes with 1008 exactly when a frame is not one JSON value within the limits. */
    private static void checkClose(RecordingTransport transport, List<FrameShape> played, Map<String, Long> outcomes) {
        List<RecordingTransport.Closing> closings = transport.closings();
        FrameShape last = played.isEmpty() ? null : played.getLast();
        if (closings.isEmpty()) {
            assertTrue(played.stream().noneMatch(FrameShape::malformed), "a frame that is not JSON did not close the socket");
            return;
        }
        assertTrue(closings.size() == 1, "closed more than once: " + closings);
        RecordingTransport.Closing closing = closings.getFirst();
        assertTrue(closing.code() == 1008 && CLOSE_REASONS.contains(closing.reason()), "undocumented close " + closing);
        assertTrue(last.malformed() || last.borderline(), "closed after a frame that is JSON within the limits: " + closing);
        count(outcomes, "close");
        if (!last.malformed()) {
            played.removeLast(); // a borderline frame that closed gets no reply
        }
    }

    private static void awaitReplies(RecordingTransport transport, Set<String> refs) throws InterruptedException {
        if (!transport.awaitReplies(refs, REPLY_TIMEOUT_MILLIS)) {
            Set<String> answered = transport.sent().stream().map(sent -> sent.json().path(0).asText()).collect(Collectors.toSet());
            Set<String> missing = new HashSet<>(refs);
            missing.removeAll(answered);
            throw new AssertionError("no reply within " + REPLY_TIMEOUT_MILLIS + " ms to refs " + missing
                    + "; the server sent " + transport.sent().stream().map(RecordingTransport.Sent::text).toList());
        }
    }

    /** The one reply with the frame's ref; it names the frame's view, or none. */
    private static JsonNode replyTo(RecordingTransport transport, FrameShape shape) {
        List<JsonNode> replies = transport.sent().stream()
                .map(RecordingTransport.Sent::json)
                .filter(json -> json.path(0).asText(null) != null && json.get(0).asText().equals(shape.ref()))
                .toList();
        assertTrue(replies.size() == 1, "expected one reply to ref " + shape.ref() + ", got " + replies);
        JsonNode reply = replies.getFirst();
        JsonNode view = shape.json().get(1);
        assertTrue(reply.get(2).asText().equals(Frame.REPLY), "not a reply: " + reply);
        assertTrue(reply.get(1).isNull() || view.isTextual() && reply.get(1).asText().equals(view.asText()),
                "reply " + reply + " names another view than the frame");
        return reply;
    }

    /** An {@code inc} on each joined view must show exactly the model's count plus one. */
    private static void probeCounts(Connection connection, RecordingTransport transport, ProtocolModel model,
                                    Map<String, Long> outcomes) throws InterruptedException {
        if (transport.isClosed()) {
            return;
        }
        List<FrameShape> probes = new ArrayList<>();
        for (String view : model.counts().keySet()) {
            ObjectNode payload = TestClient.JSON.createObjectNode().put("type", "click").put("event", "inc");
            payload.set("value", TestClient.JSON.createObjectNode());
            String text = TestClient.JSON.createArrayNode().add("probe-" + probes.size()).add(view).add(Frame.EVENT).add(payload).toString();
            receive(connection, text);
            probes.add(FrameShape.of(text));
        }
        awaitReplies(transport, probes.stream().map(FrameShape::ref).collect(Collectors.toSet()));
        for (FrameShape probe : probes) {
            String outcome = model.step(probe.json(), replyTo(transport, probe));
            assertTrue(outcome.equals("ok") || outcome.equals("rate_limited"), "the probe inc got " + outcome);
        }
    }

    /** Frames without a readable ref get at most a bad_frame each; the only pushes are crash notices. */
    private static void checkUnansweredFrames(RecordingTransport transport, ProtocolModel model, int unreadable,
                                              Map<String, Long> outcomes) {
        int badFrames = 0;
        for (RecordingTransport.Sent sent : transport.sent()) {
            JsonNode json = sent.json();
            assertTrue(json != null && json.isArray() && json.size() == 4, "the server sent " + sent.text());
            if (!json.get(0).isNull()) {
                continue;
            }
            JsonNode payload = json.get(3);
            if (json.get(2).asText().equals(Frame.REPLY)) {
                assertTrue(payload.path("reason").asText().equals("bad_frame"), "a reply without a ref: " + sent.text());
                badFrames++;
                count(outcomes, "bad_frame without ref");
            } else {
                assertTrue(json.get(2).asText().equals(Frame.ERROR) && payload.path("reason").asText().equals("handler_crashed")
                        && model.crashed(json.get(1).asText()), "an undocumented push: " + sent.text());
            }
        }
        assertTrue(badFrames <= unreadable, badFrames + " bad_frame replies without a ref to " + unreadable + " frames without one");
    }

    private static void checkErrorReplies(RecordingTransport transport) {
        for (RecordingTransport.Sent sent : transport.sent()) {
            JsonNode payload = sent.json().get(3);
            if (!payload.has("message")) {
                continue;
            }
            String message = payload.get("message").asText();
            assertTrue(sent.text().length() < MAX_ERROR_REPLY_CHARS, "error reply of " + sent.text().length() + " chars");
            String unescaped = message.replaceAll("\\\\u[0-9a-f]{4}", "?");
            assertTrue(unescaped.length() < MAX_ERROR_MESSAGE_CHARS, "error message of " + unescaped.length() + " chars: " + message);
            assertTrue(message.codePoints().noneMatch(ConnectionFuzzTest::hidden), "raw control or format characters in " + sent.text());
        }
    }

    /** Characters {@link Echo} escapes: they could forge lines or hide text from a reader. */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static void count(Map<String, Long> outcomes, String outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
    }

    /** A short protocol conversation, about half its frames mutated. */
    private static List<String> caseFrames(Random random, Target target) {
        FrameMutator mutator = new FrameMutator(random, random.nextInt(3) != 0);
        FrameSeeds seeds = new FrameSeeds(random, target.pages());
        List<String> frames = new ArrayList<>();
        if (random.nextInt(8) != 0) {
            frames.add(seeds.join(target.page(0)));
        }
        for (int n = 1 + random.nextInt(10); n > 0; n--) {
            frames.add(seeds.any());
        }
        frames.replaceAll(frame -> random.nextBoolean() ? mutator.mutate(frame) : frame);
        return frames;
    }

    /** More frames than the default burst allows, a few of them mutated. */
    private static List<String> floodFrames(Random random, Target target) {
        FrameMutator mutator = new FrameMutator(random, true);
        FrameSeeds seeds = new FrameSeeds(random, target.pages());
        List<String> frames = new ArrayList<>();
        frames.add(seeds.join(target.page(0)));
        for (int n = Limits.DEFAULTS.frameBurst() + random.nextInt(100); n > 0; n--) {
            String frame = random.nextBoolean() ? seeds.heartbeat() : seeds.event(target.page(0).viewId());
            frames.add(random.nextInt(30) == 0 ? mutator.mutate(frame) : frame);
        }
        return frames;
    }

    /** The frames one a line, invisible characters escaped, each cut at {@value #SHOWN_CHARS} characters. */
    private static String visible(List<String> frames) {
        return frames.stream().map(frame -> {
            StringBuilder line = new StringBuilder("  ");
            frame.chars().limit(SHOWN_CHARS).forEach(c -> line.append(hidden(c) || Character.isSurrogate((char) c)
                    ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return frame.length() > SHOWN_CHARS ? line + " …(" + frame.length() + " chars)" : line.toString();
        }).collect(Collectors.joining("\n"));
    }
}
