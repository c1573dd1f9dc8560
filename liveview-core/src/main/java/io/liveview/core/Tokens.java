package io.liveview.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies view tokens, session cookies and CSRF tokens with HMAC-SHA256. Tokens are
 * signed, not encrypted: their content is readable by whoever holds the page.
 */
final class Tokens {

    /** What a verified view token says. */
    record ViewClaims(String viewId, String route, String path, Session session, String renderHash) {
    }

    /** Why a token was refused; the names are the protocol's error codes. */
    static final class Rejected extends Exception {
        private final String reason;

        Rejected(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Duration maxAge;
    private final Clock clock;
    private final ObjectMapper json;

    Tokens(byte[] secret, Duration maxAge, Clock clock, ObjectMapper json) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.maxAge = maxAge;
        this.clock = clock;
        this.json = json;
    }

    /** A random URL-safe id with 128 bits of entropy. */
    static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** A short digest of a render, to tell whether a later render equals it. */
    static String hash(String html) {
        return hash(html.getBytes(StandardCharsets.UTF_8));
    }

    /** A short digest of some bytes: 22 base64url characters of SHA-256, 132 bits. */
    static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return B64.encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    String signView(String viewId, String route, String path, Session session, String renderHash) {
        ObjectNode claims = json.createObjectNode();
        claims.put("v", viewId);
        claims.put("r", route);
        // The path the page was rendered for: a join takes the route's path parameters from here, not
        // from the client, so a page cannot mount its view for another id than it was given.
        claims.put("p", path);
        ObjectNode sessionNode = claims.putObject("s");
        sessionNode.put("id", session.id());
        session.data().forEach(sessionNode.putObject("d")::put);
        claims.put("h", renderHash);
        claims.put("t", clock.millis());
        String body = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    ViewClaims verifyView(String token) throws Rejected {
        if (token == null) {
            throw new Rejected("invalid_token", "no view token");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || !validSignature(token.substring(0, dot), token.substring(dot + 1))) {
            throw new Rejected("invalid_token", "the view token's signature does not verify (tampered, or the server key changed)");
        }
        JsonNode claims;
        try {
            claims = json.readTree(B64D.decode(token.substring(0, dot)));
        } catch (Exception e) {
            throw new Rejected("invalid_token", "the view token is not readable");
        }
        long age = clock.millis() - claims.path("t").asLong();
        if (age > maxAge.toMillis()) {
            throw new Rejected("expired_token", "the view token is " + Duration.ofMillis(age).toSeconds()
                    + " s old; the maximum is " + maxAge.toSeconds() + " s");
        }
        Map<String, String> data = new LinkedHashMap<>();
        claims.path("s").path("d").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
        Session session = new Session(claims.path("s").path("id").asText(), data);
        String route = claims.path("r").asText();
        return new ViewClaims(claims.path("v").asText(), route, claims.path("p").asText(route), session, claims.path("h").asText());
    }

    /** Browsers keep cookies of up to 4,096 bytes, name included. */
    static final int MAX_SESSION_COOKIE_BYTES = 4_000;

    /**
     * The value of the {@code lv_session} cookie for a session: its id and data, signed.
     *
     * @throws SessionTooLargeException if the cookie would be over what browsers keep
     */
    String signSession(Session session) {
        ObjectNode node = json.createObjectNode();
        node.put("id", session.id());
        session.data().forEach(node.putObject("d")::put);
        String body = B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        String value = body + "." + B64.encodeToString(mac("session:" + body));
        if (value.length() > MAX_SESSION_COOKIE_BYTES) {
            throw new SessionTooLargeException(value.length(), MAX_SESSION_COOKIE_BYTES);
        }
        return value;
    }

    /** The session in a {@code lv_session} cookie value, or {@code null} if it does not verify. */
    Session verifySession(String cookieValue) {
        if (cookieValue == null) {
            return null;
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0 || !validSignature("session:" + cookieValue.substring(0, dot), cookieValue.substring(dot + 1))) {
            return null;
        }
        try {
            JsonNode node = json.readTree(B64D.decode(cookieValue.substring(0, dot)));
            String id = node.path("id").asText("");
            if (id.isEmpty()) {
                return null;
            }
            Map<String, String> data = new LinkedHashMap<>();
            node.path("d").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
            return new Session(id, data);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    String csrf(String sessionId) {
        return B64.encodeToString(mac("csrf:" + sessionId));
    }

    boolean validCsrf(String sessionId, String token) {
        return sessionId != null && token != null && validSignature("csrf:" + sessionId, token);
    }

    private boolean validSignature(String signed, String signature) {
        byte[] given;
        try {
            given = B64D.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(signed), given);
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from this JVM", e);
        }
    }
}
