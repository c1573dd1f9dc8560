package io.liveview.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attack 3: thousands of join frames on one socket, sent without waiting, cycling through the
 * tokens of more page loads (one session) than a socket may hold views.
 */
final class JoinStorm {

    /**
     * What came back.
     *
     * @param replies  the replies by outcome
     * @param answered how many of the frames got a reply
     * @param pushes   frames that were not replies, by kind
     * @param end      how the reading ended ("no frame for the read timeout" after the last reply)
     */
    record Result(Map<String, Long> replies, int answered, Map<String, Long> pushes, String end) {
    }

    private JoinStorm() {
    }

    static Result run(int port, int pageLoads, int joins, Duration timeout) throws Exception {
        LivePage first = LivePage.load(port, "/counter", null);
        List<LivePage> pages = new ArrayList<>(List.of(first));
        while (pages.size() < pageLoads) {
            pages.add(LivePage.load(port, "/counter", first.cookie()));
        }
        try (RawWebSocket ws = RawWebSocket.open(port, first.cookie(), 0)) {
            ReplyReader reader = ReplyReader.start(ws, Duration.ofSeconds(10));
            String url = "http://127.0.0.1:" + port + "/counter";
            for (int ref = 1; ref <= joins; ref++) {
                LivePage page = pages.get(ref % pages.size());
                ws.sendText(RawWebSocket.frame(String.valueOf(ref), page.viewId(), "join", Map.of(
                        "token", page.token(), "csrf", page.csrf(), "url", url, "pristine", true)));
            }
            reader.awaitReplies(joins, timeout);
            return new Result(reader.tally(), reader.replies.size(),
                    Tally.of(reader.pushes.stream().map(ReplyReader::outcome).toList()), reader.end());
        }
    }
}
