package io.liveview.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Valid client frames, and frames a correct client would never send in that order or with those
 * tokens (events before a join, another view's token, another session's page, a view id nobody
 * rendered, a server kind), for the fuzzer to send and mutate. Refs count up from 1.
 *
 * <p>Events are the probe view's {@code inc}, {@code noop}, {@code need-int}, a rare {@code boom}
 * and unknown names; never {@code sleep} or {@code big}, whose mutated arguments could stall the
 * run or exhaust memory, since a case must end within its wait.
 */
final class FrameSeeds {

    private final Random random;
    private final List<ProtocolModel.Page> pages;
    private int nextRef = 1;

    /** @param pages three pages of the socket's session, then one of another session */
    FrameSeeds(Random random, List<ProtocolModel.Page> pages) {
        this.random = random;
        this.pages = pages;
    }

    String any() {
        ProtocolModel.Page page = pages.get(random.nextInt(pages.size()));
        return switch (random.nextInt(12)) {
            case 0 -> heartbeat();
            case 1, 2 -> join(page);
            case 3 -> join(page, pages.get(random.nextInt(pages.size())).token());
            case 4 -> frame(page.viewId(), Frame.LEAVE, TestClient.JSON.createObjectNode());
            case 5 -> frame(random.nextBoolean() ? "lv-nobody" : page.viewId(), pick(Frame.REPLY, Frame.DIFF, "Join", "", "leave "),
                    TestClient.JSON.createObjectNode());
            case 6 -> patch(random.nextInt(4) == 0 ? page.viewId() : pages.getFirst().viewId());
            default -> event(random.nextInt(4) == 0 ? page.viewId() : pages.getFirst().viewId());
        };
    }

    String heartbeat() {
        return frame(null, Frame.HEARTBEAT, TestClient.JSON.createObjectNode());
    }

    String join(ProtocolModel.Page page) {
        return join(page, page.token());
    }

    private String join(ProtocolModel.Page page, String token) {
        String url = switch (random.nextInt(8)) {
            case 0, 1, 2 -> "http://localhost/probe";
            case 3 -> "http://localhost/probe?start=" + pick("x", "99999999999", "", "1%zz", "%2B7");
            default -> "http://localhost/probe?start=" + (random.nextInt(2001) - 1000);
        };
        ObjectNode payload = TestClient.JSON.createObjectNode().put("token", token).put("csrf", page.csrf()).put("url", url)
                .put("pristine", random.nextBoolean());
        return frame(page.viewId(), Frame.JOIN, payload);
    }

    String event(String viewId) {
        ObjectNode value = TestClient.JSON.createObjectNode();
        String name = switch (random.nextInt(10)) {
            case 0, 1, 2 -> "inc";
            case 3 -> "noop";
            case 4, 5 -> {
                value.put("n", pick("1", "-3", " 42 ", "2147483647", "x", "", "1.5", "99999999999"));
                yield "need-int";
            }
            case 6 -> {
                value.put("by", pick("2", "-1", "0", "x"));
                yield "inc";
            }
            case 7 -> random.nextInt(10) == 0 ? "boom" : "noop";
            default -> pick("dec", "INC", "", "sleepy", "handleEvent", "inc ");
        };
        ObjectNode payload = TestClient.JSON.createObjectNode().put("type", pick("click", "submit", "change")).put("event", name);
        payload.set("value", value);
        return frame(viewId, Frame.EVENT, payload);
    }

    String patch(String viewId) {
        ObjectNode payload = TestClient.JSON.createObjectNode();
        if (random.nextInt(8) > 0) {
            payload.put("url", pick("http://localhost/probe?start=3", "http://localhost/probe", "http://localhost/elsewhere",
                    "javascript:alert(1)", "::::", "http://localhost/probe?%zz", "/probe?start=-1", ""));
        }
        return frame(viewId, Frame.PATCH, payload);
    }

    private String frame(String viewId, String kind, ObjectNode payload) {
        return TestClient.JSON.createArrayNode().add(String.valueOf(nextRef++)).add(viewId).add(kind).add(payload).toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
