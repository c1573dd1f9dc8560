package io.liveview.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * Attack 5: a todo view gets a thousand {@code toggle} events whose id is not a number (the demo
 * reads it with {@code payload.getInt}), then, once the rate limit has refilled, one honest
 * {@code add} on the same view.
 */
final class WrongPayloads {

    // Longer than the default burst (200 frames) takes to refill at 100 frames a second.
    private static final Duration REFILL = Duration.ofSeconds(3);

    /**
     * What came back.
     *
     * @param join     the join's outcome
     * @param replies  the replies to the wrong events by outcome
     * @param answered how many wrong events got a reply
     * @param pushes   frames that were not replies, by kind ({@code error} means the view crashed)
     * @param add      the reply to the honest add afterwards, null if none came
     */
    record Result(String join, Map<String, Long> replies, int answered, Map<String, Long> pushes, JsonNode add) {
    }

    private WrongPayloads() {
    }

    static Result run(int port, int events, Duration timeout) throws Exception {
        LivePage page = LivePage.load(port, "/todo", LivePage.signIn(port, "Mallory"));
        try (RawWebSocket ws = RawWebSocket.open(port, page.cookie(), 0)) {
            ReplyReader reader = ReplyReader.start(ws, Duration.ofSeconds(10));
            ws.sendText(RawWebSocket.frame("1", page.viewId(), "join", Map.of("token", page.token(),
                    "csrf", page.csrf(), "url", "http://127.0.0.1:" + port + "/todo", "pristine", true)));
            reader.awaitReplies(1, timeout);
            String join = reader.replies.containsKey("1") ? ReplyReader.outcome(reader.replies.get("1")) : "no reply";
            for (int ref = 2; ref <= events + 1; ref++) {
                ws.sendText(RawWebSocket.frame(String.valueOf(ref), page.viewId(), "event",
                        Map.of("type", "click", "event", "toggle", "value", Map.of("id", "notanumber"))));
            }
            reader.awaitReplies(events + 1, timeout);
            Map<String, Long> replies = Tally.of(reader.replies.entrySet().stream()
                    .filter(e -> !e.getKey().equals("1")).map(e -> ReplyReader.outcome(e.getValue())).toList());
            int answered = reader.replies.size() - (reader.replies.containsKey("1") ? 1 : 0);
            Thread.sleep(REFILL.toMillis());
            String addRef = String.valueOf(events + 2);
            ws.sendText(RawWebSocket.frame(addRef, page.viewId(), "event",
                    Map.of("type", "submit", "event", "add", "value", Map.of("title", "after the attack"))));
            reader.awaitReplies(events + 2, timeout);
            return new Result(join, replies, answered,
                    Tally.of(reader.pushes.stream().map(ReplyReader::outcome).toList()), reader.replies.get(addRef));
        }
    }
}
