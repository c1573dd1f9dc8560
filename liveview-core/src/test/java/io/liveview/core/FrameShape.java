package io.liveview.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The fuzzer's own reading of a text frame, to predict what the server must do with it: whether it
 * is exactly one JSON value within the nesting and number limits (else the socket is closed), and
 * the frame's ref if one is readable.
 *
 * <p>The limits are checked here with a tolerance band around them: where exactly Jackson counts a
 * sign or an exponent is Jackson's business, not the protocol's.
 *
 * @param json       the parsed value, or {@code null} if the server must close the socket
 * @param borderline within a few characters or levels of a limit: closing and answering are both right
 */
record FrameShape(JsonNode json, boolean borderline) {

    private static final int NUMBER_TOLERANCE = 10;
    private static final JsonFactory UNLIMITED = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();
    private static final ObjectMapper READER = new ObjectMapper(UNLIMITED);

    static FrameShape of(String text) {
        int deepest = 0;
        int longestNumber = 0;
        try (JsonParser parser = UNLIMITED.createParser(text)) {
            int depth = 0;
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new FrameShape(null, false);
            }
            do {
                if (token.isStructStart()) {
                    deepest = Math.max(deepest, ++depth);
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token.isNumeric()) {
                    longestNumber = Math.max(longestNumber, parser.getText().length());
                }
                token = depth > 0 ? parser.nextToken() : null;
            } while (token != null);
            if (parser.nextToken() != null) {
                return new FrameShape(null, false);
            }
        } catch (IOException e) {
            return new FrameShape(null, false);
        }
        boolean borderline = Math.abs(deepest - Frame.MAX_DEPTH) <= 1
                || Math.abs(longestNumber - Frame.MAX_NUMBER_LENGTH) <= NUMBER_TOLERANCE;
        if (deepest > Frame.MAX_DEPTH + 1 || longestNumber > Frame.MAX_NUMBER_LENGTH + NUMBER_TOLERANCE) {
            return new FrameShape(null, borderline);
        }
        try {
            return new FrameShape(READER.readTree(text), borderline);
        } catch (IOException e) {
            throw new AssertionError("the streaming parser read what the tree parser does not: " + e, e);
        }
    }

    /** Whether the server must close the socket for this text. */
    boolean malformed() {
        return json == null;
    }

    /** The ref the server can echo: a string of at most {@value Frame#MAX_REF_LENGTH} characters. */
    String ref() {
        if (json == null || !json.isArray() || json.size() != 4) {
            return null;
        }
        JsonNode ref = json.get(0);
        return ref.isTextual() && ref.asText().length() <= Frame.MAX_REF_LENGTH ? ref.asText() : null;
    }
}
