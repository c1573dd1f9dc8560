package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens with session encryption on: sealed cookies and view tokens; and signing only, unchanged. */
class SessionEncryptionTest {

    private static final byte[] KEY = "tokens-test-key".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ID = "session-id-0451";
    private static final String USER = "ada-lovelace-1815";
    private final Session session = new Session(ID, Map.of("user", USER));

    private static Tokens tokens(boolean encrypt, Instant now) {
        return new Tokens(KEY, encrypt, Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC), new ObjectMapper());
    }

    private static Tokens encrypting() {
        return tokens(true, T0);
    }

    /**
     * Fails if {@code value} shows any of {@code hidden} in clear or base64url-decoded (decoding the
     * whole of each dot-separated part recovers every byte it encodes, at any offset).
     */
    static void assertHides(String value, String... hidden) {
        for (String secret : hidden) {
            assertFalse(value.contains(secret), () -> secret + " in clear in " + value);
            for (String part : value.split("\\.")) {
                String decoded;
                try {
                    decoded = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                assertFalse(decoded.contains(secret), () -> secret + " base64-encoded in " + value);
            }
        }
    }

    /** {@code value} with bit {@code bit} of its decoded bytes flipped, encoded again. */
    static String flipped(String value, int bit) {
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int bits(String value) {
        return Base64.getUrlDecoder().decode(value).length * 8;
    }

    @Test
    void signingOnlyGivesTheSameBytesAsBefore() {
        // Computed apart from Tokens: base64url(json) "." base64url(HMAC-SHA256(key, prefix + base64url(json))).
        Tokens signing = tokens(false, T0);
        Session ada = new Session("s1", Map.of("user", "ada"));
        assertEquals("eyJpZCI6InMxIiwiZCI6eyJ1c2VyIjoiYWRhIn19.Wt6cwrXR64ur02rG0IavLi-_ifdZxEiJGY6pMWsTcRs",
                signing.signSession(ada));
        assertEquals("eyJ2IjoibHYtMSIsInIiOiIvdG9kby97aWR9IiwicCI6Ii90b2RvLzciLCJzIjp7ImlkIjoiczEiLCJkIjp7InVzZXIiOiJhZGEifX0sImgiOiJoMSIsInQiOjE3OTU0MjgwMDAwMDB9"
                        + ".dhcaBtq-414GcMQwgqIik677ktcm8jVrsuNnndIi16U",
                signing.signView("lv-1", "/todo/{id}", "/todo/7", ada, "h1"));
    }

    @Test
    void anEncryptedCookieRoundTripsAndHidesTheSession() {
        String cookie = encrypting().signSession(session);
        assertEquals(session, encrypting().verifySession(cookie));
        assertHides(cookie, ID, USER);
    }

    @Test
    void anEncryptedViewTokenRoundTripsItsClaimsAndHidesTheSession() throws Exception {
        String token = encrypting().signView("lv-1", "/todo/{id}", "/todo/7", session, "h1");
        assertEquals(new Tokens.ViewClaims("lv-1", "/todo/{id}", "/todo/7", session, "h1"), encrypting().verifyView(token));
        assertHides(token, ID, USER);
        assertEquals("expired_token", assertThrows(Tokens.Rejected.class,
                () -> tokens(true, T0.plus(Duration.ofMinutes(61))).verifyView(token)).reason(), "the age still counts");
    }

    @Test
    void twoEncryptionsOfTheSameSessionDiffer() throws Exception {
        Tokens tokens = encrypting();
        String first = tokens.signSession(session);
        String second = tokens.signSession(session);
        assertNotEquals(first, second, "a fresh nonce each time");
        assertEquals(tokens.verifySession(first), tokens.verifySession(second));
        String view = tokens.signView("lv-1", "/counter", "/counter", session, "h1");
        assertNotEquals(view, tokens.signView("lv-1", "/counter", "/counter", session, "h1"));
    }

    @Test
    void everyFlippedBitOrTruncationOfACookieGivesNoSession() {
        Tokens tokens = encrypting();
        String cookie = tokens.signSession(session);
        for (int bit = 0; bit < bits(cookie); bit++) {
            assertNull(tokens.verifySession(flipped(cookie, bit)), "bit " + bit);
        }
        for (int length = 0; length < cookie.length(); length++) {
            assertNull(tokens.verifySession(cookie.substring(0, length)), "first " + length + " characters");
        }
        assertNull(tokens.verifySession(cookie + "A"), "one character more");
        assertNull(tokens.verifySession("garbage"));
        assertNull(tokens.verifySession(null));
    }

    @Test
    void everyFlippedBitOrTruncationOfAViewTokenIsInvalid() {
        Tokens tokens = encrypting();
        String token = tokens.signView("lv-1", "/counter", "/counter", session, "h1");
        for (int bit = 0; bit < bits(token); bit++) {
            String bad = flipped(token, bit);
            assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> tokens.verifyView(bad)).reason(), "bit " + bit);
        }
        for (int length = 0; length < token.length(); length++) {
            String bad = token.substring(0, length);
            assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> tokens.verifyView(bad)).reason(), bad);
        }
    }

    @Test
    void aSealedValueServesOnlyItsOwnPurpose() {
        Tokens tokens = encrypting();
        String cookie = tokens.signSession(session);
        assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> tokens.verifyView(cookie)).reason(),
                "a session cookie is no view token");
        // A session's own JSON, sealed as a view token, must still not pass for a cookie.
        String asView = new SessionCipher(KEY).seal("{\"id\":\"s1\",\"d\":{\"user\":\"root\"}}".getBytes(StandardCharsets.UTF_8),
                SessionCipher.Purpose.VIEW_TOKEN);
        assertNull(tokens.verifySession(asView), "a view token is no session cookie");
    }

    @Test
    void aValueOfTheOtherModeOrAnotherKeyCountsAsNone() throws Exception {
        Tokens signing = tokens(false, T0);
        Tokens encrypting = encrypting();
        assertNull(encrypting.verifySession(signing.signSession(session)), "signed cookie, encrypting server");
        assertNull(signing.verifySession(encrypting.signSession(session)), "encrypted cookie, signing server");
        String signedView = signing.signView("lv-1", "/counter", "/counter", session, "h1");
        String sealedView = encrypting.signView("lv-1", "/counter", "/counter", session, "h1");
        assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> encrypting.verifyView(signedView)).reason());
        assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> signing.verifyView(sealedView)).reason());
        Tokens otherKey = new Tokens("other".getBytes(StandardCharsets.UTF_8), true, Duration.ofHours(1),
                Clock.fixed(T0, ZoneOffset.UTC), new ObjectMapper());
        assertNull(otherKey.verifySession(encrypting.signSession(session)));
        assertEquals("invalid_token", assertThrows(Tokens.Rejected.class, () -> otherKey.verifyView(sealedView)).reason());
        assertTrue(encrypting.validCsrf(ID, signing.csrf(ID)), "CSRF tokens are HMACs in both modes");
    }

    @Test
    void theSizeLimitCountsTheEncryptedCookie() {
        Tokens tokens = encrypting();
        // Grow the data until the write fails: the last cookie that fits must reach the limit itself,
        // so the limit is on what the browser stores, not on the JSON inside (a quarter shorter).
        String fits = null;
        int size = 2_900;
        while (true) {
            try {
                fits = tokens.signSession(new Session("s1", Map.of("blob", "x".repeat(size))));
            } catch (SessionTooLargeException e) {
                break;
            }
            size++;
        }
        assertTrue(fits.length() > Tokens.MAX_SESSION_COOKIE_BYTES - 3 && fits.length() <= Tokens.MAX_SESSION_COOKIE_BYTES,
                "the last cookie that fits is " + fits.length() + " characters");
        assertEquals(size - 1, tokens.verifySession(fits).get("blob").orElseThrow().length());
    }
}
