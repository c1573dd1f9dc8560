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
 * Signs and verifies view tokens, session cookies and CSRF tokens with HMAC-SHA256. By default
 * tokens are signed, not encrypted: their content is readable by whoever holds the page. With
 * session encryption on, session cookies and view tokens are sealed by a {@link SessionCipher}
 * instead, and a value of the other mode counts as invalid; CSRF tokens stay HMACs either way.
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
    /** Seals session cookies and view tokens; {@code null} when they are only signed. */
    private final SessionCipher cipher;
    private final Duration maxAge;
    private final Clock clock;
    private final ObjectMapper json;

    /** Tokens that sign sessions without encrypting them. */
    Tokens(byte[] secret, Duration maxAge, Clock clock, ObjectMapper json) {
        this(secret, false, maxAge, clock, json);
    }

    Tokens(byte[] secret, boolean encryptSessions, Duration maxAge, Clock clock, ObjectMapper json) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.cipher = encryptSessions ? new SessionCipher(secret) : null;
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
        claims.set("s", sessionNode(session));
        claims.put("h", renderHash);
        claims.put("t", clock.millis());
        return protect(claims, "", SessionCipher.Purpose.VIEW_TOKEN);
    }

    ViewClaims verifyView(String token) throws Rejected {
        if (token == null) {
            throw new Rejected("invalid_token", "no view token");
        }
        byte[] body = unprotect(token, "", SessionCipher.Purpose.VIEW_TOKEN);
        if (body == null) {
            throw new Rejected("invalid_token", cipher == null
                    ? "the view token's signature does not verify (tampered, or the server key changed)"
                    : "the view token does not decrypt (tampered, the server key changed, or it was issued without session encryption)");
        }
        JsonNode claims;
        try {
            claims = json.readTree(body);
        } catch (IOException e) {
            throw new Rejected("invalid_token", "the view token is not readable");
        }
        long age = clock.millis() - claims.path("t").asLong();
        if (age > maxAge.toMillis()) {
            throw new Rejected("expired_token", "the view token is " + Duration.ofMillis(age).toSeconds()
                    + " s old; the maximum is " + maxAge.toSeconds() + " s");
        }
        Session session = session(claims.path("s"));
        String route = claims.path("r").asText();
        return new ViewClaims(claims.path("v").asText(), route, claims.path("p").asText(route), session, claims.path("h").asText());
    }

    /** Browsers keep cookies of up to 4,096 bytes, name included. */
    static final int MAX_SESSION_COOKIE_BYTES = 4_000;

    /**
     * The value of the {@code lv_session} cookie for a session: its id and data, signed (or sealed,
     * when sessions are encrypted).
     *
     * @throws SessionTooLargeException if the cookie would be over what browsers keep
     */
    String signSession(Session session) {
        String value = protect(sessionNode(session), "session:", SessionCipher.Purpose.SESSION_COOKIE);
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
        byte[] body = unprotect(cookieValue, "session:", SessionCipher.Purpose.SESSION_COOKIE);
        if (body == null) {
            return null;
        }
        try {
            Session session = session(json.readTree(body));
            return session.id().isEmpty() ? null : session;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The value of the {@code lv_flash} cookie that carries a view's flash across a redirect: its
     * messages and the session they are for, signed (or sealed), so no one else's page shows them.
     */
    String signFlash(Map<String, String> flash, String sessionId) {
        ObjectNode node = json.createObjectNode().put("s", sessionId);
        flash.forEach(node.putObject("f")::put);
        return protect(node, "flash:", SessionCipher.Purpose.FLASH);
    }

    /** The messages of an {@code lv_flash} cookie value for this session; none if it does not verify. */
    Map<String, String> verifyFlash(String value, String sessionId) {
        byte[] body = value == null || sessionId == null ? null : unprotect(value, "flash:", SessionCipher.Purpose.FLASH);
        if (body == null) {
            return Map.of();
        }
        try {
            JsonNode node = json.readTree(body);
            if (!sessionId.equals(node.path("s").asText())) {
                return Map.of();
            }
            Map<String, String> flash = new LinkedHashMap<>();
            node.path("f").properties().forEach(e -> flash.put(e.getKey(), e.getValue().asText()));
            return flash;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private ObjectNode sessionNode(Session session) {
        ObjectNode node = json.createObjectNode();
        node.put("id", session.id());
        session.data().forEach(node.putObject("d")::put);
        return node;
    }

    private static Session session(JsonNode node) {
        Map<String, String> data = new LinkedHashMap<>();
        node.path("d").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
        return new Session(node.path("id").asText(""), data);
    }

    /**
     * Sealed for {@code purpose} when sessions are encrypted, else {@code base64url(json)} and its
     * HMAC over {@code macPrefix} + that.
     */
    private String protect(JsonNode content, String macPrefix, SessionCipher.Purpose purpose) {
        byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
        if (cipher != null) {
            return cipher.seal(bytes, purpose);
        }
        String body = B64.encodeToString(bytes);
        return body + "." + B64.encodeToString(mac(macPrefix + body));
    }

    /** The JSON bytes of a {@link #protect}ed value, or {@code null} if it is not one of this mode and key. */
    private byte[] unprotect(String value, String macPrefix, SessionCipher.Purpose purpose) {
        if (cipher != null) {
            return cipher.open(value, purpose);
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || !validSignature(macPrefix + value.substring(0, dot), value.substring(dot + 1))) {
            return null;
        }
        try {
            return B64D.decode(value.substring(0, dot));
        } catch (IllegalArgumentException e) {
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
