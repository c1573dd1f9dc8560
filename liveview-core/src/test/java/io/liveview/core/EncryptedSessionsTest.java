package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link SessionsTest} again with encrypted sessions, over real HTTP and sockets, and
 * what only encryption promises: the session is not in the cookie or the page, and switching the
 * mode costs sessions, never an error.
 */
class EncryptedSessionsTest extends SessionsTest {

    private static final String NAME = "Ada-Lovelace-1815";

    private boolean encrypt = true;

    /** Joins mount afresh (no mount once), so that every join reads the session sealed in its token. */
    @Override
    LiveViewServer.Builder settings(LiveViewServer.Builder builder) {
        return builder.encryptSessions(encrypt).mountOnce(Duration.ZERO);
    }

    /** The cookie of a session signed in as {@link #NAME}. */
    private String signedIn() throws Exception {
        TestClient.LivePage before = TestClient.get(port, "/who");
        return cookieOf(post("/login", before.cookie(), "name", NAME, "_csrf", before.csrf()));
    }

    @Test
    void neitherTheCookieNorThePageShowsTheSessionYetAJoinGetsIt() throws Exception {
        String cookie = signedIn();
        SessionEncryptionTest.assertHides(cookie.substring(cookie.indexOf('=') + 1), NAME);
        TestClient.LivePage page = TestClient.get(port, "/who", cookie);
        assertEquals(NAME, user(page), "mount reads the session from the cookie");
        SessionEncryptionTest.assertHides(page.token(), NAME);
        try (TestClient client = new TestClient(port, cookie)) {
            JsonNode joined = client.join(page, false);
            assertEquals("ok", status(joined));
            assertEquals(NAME, Html.parseFragment(joined.get(3).get("html").asText()).getElementById("user").text(),
                    "the join's mount reads the session from the token");
        }
    }

    @Override
    @Test
    void aTamperedOrTruncatedCookieGivesAFreshEmptySession() throws Exception {
        String cookie = signedIn();
        String value = cookie.substring(cookie.indexOf('=') + 1);
        String[] tampered = {
            "lv_session=" + SessionEncryptionTest.flipped(value, 0),
            "lv_session=" + SessionEncryptionTest.flipped(value, value.length() * 3),
            cookie.substring(0, cookie.length() - 4),
            "lv_session=garbage"};
        for (String bad : tampered) {
            TestClient.LivePage page = TestClient.get(port, "/who", bad);
            assertEquals(200, page.status());
            assertEquals("nobody", user(page), bad);
            assertNotEquals(bad, page.cookie(), "a fresh session cookie is set");
        }
    }

    @Test
    void switchingTheModeCostsSessionsNotErrors() throws Exception {
        String sealed = signedIn();
        TestClient.LivePage sealedPage = TestClient.get(port, "/who", sealed);
        encrypt = false;
        startServer();
        TestClient.LivePage page = TestClient.get(port, "/who", sealed);
        assertEquals(200, page.status());
        assertEquals("nobody", user(page), "an encrypted cookie on a signing server");
        assertNotEquals(sealed, page.cookie());
        try (TestClient client = new TestClient(port, page.cookie())) {
            assertEquals("invalid_token", reason(client.join(sealedPage.viewId(), sealedPage.token(), page.csrf(), true,
                    "http://localhost/who")), "a page rendered before the switch reloads");
        }
        String signed = signedIn();
        assertEquals(NAME, user(TestClient.get(port, "/who", signed)));
        encrypt = true;
        startServer();
        page = TestClient.get(port, "/who", signed);
        assertEquals(200, page.status());
        assertEquals("nobody", user(page), "a signed cookie on an encrypting server");
        assertNotEquals(signed, page.cookie());
    }
}
