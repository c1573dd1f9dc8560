package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final byte[] KEY = "tokens-test-key".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final Session session = new Session("s1", Map.of("user", "ada"));

    private static Tokens at(Instant now, byte[] key) {
        return new Tokens(key, Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC), new ObjectMapper());
    }

    @Test
    void aViewTokenRoundTripsItsClaims() throws Exception {
        Tokens tokens = at(T0, KEY);
        Tokens.ViewClaims claims = tokens.verifyView(tokens.signView("lv-1", "/todo/{id}", "/todo/7", session, "h1"));
        assertEquals(new Tokens.ViewClaims("lv-1", "/todo/{id}", "/todo/7", session, "h1"), claims);
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsExpired() throws Exception {
        String token = at(T0, KEY).signView("lv-1", "/counter", "/counter", session, "h1");
        at(T0.plus(Duration.ofMinutes(59)), KEY).verifyView(token);
        Tokens.Rejected rejected = assertThrows(Tokens.Rejected.class,
                () -> at(T0.plus(Duration.ofMinutes(61)), KEY).verifyView(token));
        assertEquals("expired_token", rejected.reason());
    }

    @Test
    void aTokenSignedWithAnotherKeyOrAlteredIsInvalid() {
        String token = at(T0, KEY).signView("lv-1", "/counter", "/counter", session, "h1");
        Tokens other = at(T0, "another key".getBytes(StandardCharsets.UTF_8));
        assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> other.verifyView(token)).reason());
        Tokens tokens = at(T0, KEY);
        for (String bad : new String[] {null, "", ".", "abc", token + "x", "x" + token, token.replace('.', '!'),
                token.substring(0, token.indexOf('.')) + ".###"}) {
            assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> tokens.verifyView(bad)).reason(), bad);
        }
    }

    @Test
    void sessionCookiesAndCsrfTokensAreBoundToTheKeyAndSession() {
        Tokens tokens = at(T0, KEY);
        Session session = new Session("s1", Map.of("user", "ada"));
        String cookie = tokens.signSession(session);
        assertEquals(session, tokens.verifySession(cookie), "id and data round-trip");
        String forged = tokens.signSession(new Session("s1", Map.of("user", "root")));
        assertNull(tokens.verifySession(forged.substring(0, forged.indexOf('.')) + cookie.substring(cookie.indexOf('.'))),
                "data changed under the old signature");
        assertNull(tokens.verifySession(cookie.substring(0, cookie.length() - 3)), "truncated");
        assertNull(tokens.verifySession("s1." + cookie.substring(cookie.indexOf('.') + 1)), "the old id.signature form");
        assertNull(at(T0, "other".getBytes(StandardCharsets.UTF_8)).verifySession(cookie));
        assertNull(tokens.verifySession(null));
        assertNull(tokens.verifySession("garbage"));
        assertThrows(SessionTooLargeException.class,
                () -> tokens.signSession(new Session("s1", Map.of("blob", "x".repeat(4_000)))));
        assertTrue(tokens.validCsrf("s1", tokens.csrf("s1")));
        assertFalse(tokens.validCsrf("s2", tokens.csrf("s1")));
        assertFalse(tokens.validCsrf(null, tokens.csrf("s1")));
    }
}
