package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;

/**
 * What one socket's probe views should look like, by docs/protocol.md: which views are joined and
 * each one's count. Given a frame the server read and its reply, it checks that the reply is one
 * the protocol allows in that state and moves to the next state. A count changes only on an
 * {@code ok} reply to a valid {@code inc} or {@code need-int}, and every such reply's patch must
 * show the new count.
 *
 * <p>Frames are stepped in arrival order; that is also the order each view's mailbox runs them in.
 * Only two things the server does off that order are allowed for: a crash or failed mount releases
 * the view asynchronously, so until the case ends a join of that view may still find it joined,
 * a leave may still release it, and another join may still find the socket full.
 */
final class ProtocolModel {

    /** A page fetched over HTTP: its view id, tokens, whether the socket's session fetched it, its first count. */
    record Page(String viewId, String token, String csrf, boolean sameSession, int deadRenderCount) {
    }

    private static final String SEED_URL = "http://localhost/probe(\\?start=-?\\d{1,9})?";
    /** The path of the count's text node in the probe template: {@code <p>Count: <span>N</span></p>}. */
    private static final String COUNT_PATH = "[0,1,0]";

    private final Map<String, Page> pages = new HashMap<>();
    private final String csrf;
    private final int maxViews;
    private final boolean rateLimited;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Set<String> releasing = new HashSet<>();
    private final Set<String> crashed = new HashSet<>();

    /**
     * @param rateLimited whether the socket's frames may arrive faster than its rate limit, so that
     *                    any valid frame may be refused with {@code rate_limited} instead
     */
    ProtocolModel(Iterable<Page> pages, String csrf, int maxViews, boolean rateLimited) {
        pages.forEach(page -> this.pages.put(page.viewId(), page));
        this.csrf = csrf;
        this.maxViews = maxViews;
        this.rateLimited = rateLimited;
    }

    /** The joined views and their counts. */
    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** Whether a handler of the view crashed: an {@code error} push for it is expected. */
    boolean crashed(String viewId) {
        return crashed.contains(viewId);
    }

    /**
     * Checks the reply to a frame with a readable ref and applies its effect.
     *
     * @return the outcome: {@code ok} or the error reason
     */
    String step(JsonNode frame, JsonNode reply) {
        String outcome = "ok".equals(reply.path(3).path("status").asText("ok")) ? "ok" : reply.path(3).path("reason").asText();
        Set<String> allowed = new TreeSet<>();
        if (!wellFormed(frame)) {
            allowed.add("bad_frame");
        } else {
            if (rateLimited) {
                allowed.add("rate_limited");
            }
            String view = frame.get(1).asText();
            JsonNode payload = frame.get(3);
            switch (frame.get(2).asText()) {
                case Frame.HEARTBEAT -> allowed.add("ok");
                case Frame.JOIN -> join(view, payload, outcome, reply, allowed);
                case Frame.EVENT -> event(view, payload, outcome, reply, allowed);
                case Frame.PATCH -> patch(view, payload, allowed);
                default -> leave(view, outcome, allowed);
            }
        }
        if (!allowed.contains(outcome)) {
            throw new AssertionError("reply " + reply + " is none of " + allowed);
        }
        return outcome;
    }

    private void join(String view, JsonNode payload, String outcome, JsonNode reply, Set<String> allowed) {
        if (!hasText(payload, "token", "csrf", "url")) {
            allowed.add("bad_frame");
            return;
        }
        Page page = pages.get(view);
        if (page == null || !sameSigned(payload.get("token").asText(), page.token())) {
            allowed.add("invalid_token");
        } else if (!page.sameSession() || !sameSigned(payload.get("csrf").asText(), csrf)) {
            allowed.add("invalid_csrf");
        } else if (counts.containsKey(view)) {
            allowed.add("already_joined");
        } else if (counts.size() >= maxViews) {
            allowed.add("too_many_views");
        } else {
            allowed.add("ok");
            allowed.add("crash_loop"); // CrashLog refuses a view that crashed 3 times in 30 s: not modelled
            if (!payload.get("url").asText().matches(SEED_URL)) {
                allowed.add("mount_failed"); // the url's start parameter may not be a number
            }
            if (!releasing.isEmpty()) {
                allowed.add("too_many_views");
            }
            if (releasing.contains(view)) {
                allowed.add("already_joined");
            }
            if (outcome.equals("ok")) {
                JsonNode html = reply.get(3).get("html");
                counts.put(view, html == null ? page.deadRenderCount() : countIn(html.asText()));
                releasing.remove(view);
            } else if (outcome.equals("mount_failed")) {
                releasing.add(view);
            }
        }
    }

    /** A navigation: ProbeLive reads nothing in handleParams, so a URL of its route is always ok. */
    private void patch(String view, JsonNode payload, Set<String> allowed) {
        if (!hasText(payload, "url")) {
            allowed.add("bad_frame");
        } else if (!counts.containsKey(view)) {
            allowed.add("unknown_view");
        } else {
            allowed.addAll(Set.of("ok", "other_view", "overloaded"));
        }
    }

    private void event(String view, JsonNode payload, String outcome, JsonNode reply, Set<String> allowed) {
        if (!hasText(payload, "event", "type")) {
            allowed.add("bad_frame");
            return;
        }
        if (!counts.containsKey(view)) {
            allowed.add("unknown_view");
            return;
        }
        allowed.add("overloaded");
        Payload values = new Payload(payload.get("type").asText(), payload.get("value"), null);
        Integer delta = null;
        switch (payload.get("event").asText()) {
            case "noop" -> delta = 0;
            case "boom" -> allowed.add("handler_crashed");
            case "inc" -> {
                try {
                    delta = values.get("by").map(Integer::parseInt).orElse(1);
                } catch (NumberFormatException e) {
                    allowed.add("handler_crashed"); // ProbeLive reads "by" without care
                }
            }
            case "need-int" -> {
                try {
                    delta = values.getInt("n");
                } catch (BadPayloadException e) {
                    allowed.add("bad_payload");
                }
            }
            default -> allowed.add("unknown_event");
        }
        if (delta != null) {
            allowed.add("ok");
        }
        if (outcome.equals("ok") && delta != null) {
            int count = counts.get(view) + delta;
            counts.put(view, count);
            String expected = delta == 0 ? null : "[\"t\"," + COUNT_PATH + ",\"" + count + "\"]";
            JsonNode patch = reply.get(3).get("patch");
            if (patch == null ? expected != null : !patch.toString().equals("[" + expected + "]")) {
                throw new AssertionError("the count should be " + count + " but the reply is " + reply);
            }
        } else if (outcome.equals("handler_crashed") && allowed.contains(outcome)) {
            counts.remove(view);
            releasing.add(view);
            crashed.add(view);
        }
    }

    private void leave(String view, String outcome, Set<String> allowed) {
        if (counts.remove(view) != null) {
            allowed.add("ok");
        } else {
            allowed.add("unknown_view");
            if (releasing.contains(view)) {
                allowed.add("ok"); // the leave released the view before its crash or failed mount did
            }
        }
    }

    /** Whether the frame is a client frame as docs/protocol.md describes it. */
    static boolean wellFormed(JsonNode frame) {
        if (!frame.isArray() || frame.size() != 4) {
            return false;
        }
        JsonNode view = frame.get(1);
        String kind = frame.get(2).isTextual() ? frame.get(2).asText() : "";
        boolean viewOk = view.isNull() && kind.equals(Frame.HEARTBEAT)
                || view.isTextual() && view.asText().length() <= Frame.MAX_VIEW_LENGTH;
        return frame.get(0).isTextual() && frame.get(0).asText().length() <= Frame.MAX_REF_LENGTH
                && viewOk && Set.of(Frame.JOIN, Frame.EVENT, Frame.PATCH, Frame.LEAVE, Frame.HEARTBEAT).contains(kind)
                && frame.get(3).isObject();
    }

    private static boolean hasText(JsonNode payload, String... fields) {
        for (String field : fields) {
            if (!payload.path(field).isTextual()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a token verifies like the original: the same signed text and the same signature
     * bytes. A base64 spelling of the signature that differs only in unused bits or padding still
     * verifies, and that is no forgery.
     */
    private static boolean sameSigned(String token, String original) {
        int dot = original.indexOf('.');
        int tokenDot = token.indexOf('.');
        if (dot < 0 && tokenDot < 0) {
            return sameBytes(token, original);
        }
        return dot >= 0 && tokenDot >= 0 && token.substring(0, tokenDot).equals(original.substring(0, dot))
                && sameBytes(token.substring(tokenDot + 1), original.substring(dot + 1));
    }

    private static boolean sameBytes(String base64, String original) {
        try {
            return Arrays.equals(Base64.getUrlDecoder().decode(base64), Base64.getUrlDecoder().decode(original));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int countIn(String html) {
        return Integer.parseInt(Jsoup.parseBodyFragment(html).getElementById("count").text());
    }
}
