package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveview.diff.Html;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session data written by endpoints, read by views; renewal on sign-in; tampering; the size limit. */
class SessionsTest extends ServerTest {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    int port;

    @BeforeEach
    void startServer() {
        port = start(b -> settings(b)
                .live("/who", WhoLive::new)
                .post("/login", (request, response) -> response
                        .session(request.session().renewed().with("user", request.form().require("name")))
                        .redirect("/who"))
                .post("/logout", (request, response) -> response.endSession().redirect("/who"))
                .post("/hoard", (request, response) -> response
                        .session(request.session().with("blob", "x".repeat(5_000)))
                        .text("never")));
    }

    /** Settings besides the routes: none here, so sessions are signed only. */
    LiveViewServer.Builder settings(LiveViewServer.Builder builder) {
        return builder;
    }

    HttpResponse<String> post(String path, String cookie, String... fields) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookieOf(HttpResponse<String> response) {
        String set = response.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
        return set.substring(0, set.indexOf(';'));
    }

    static String user(TestClient.LivePage page) {
        return Html.parseFragment(page.inner()).getElementById("user").text();
    }

    @Test
    void anEndpointWritesTheSessionAndViewsReadIt() throws Exception {
        TestClient.LivePage before = TestClient.get(port, "/who");
        assertEquals("nobody", user(before));
        HttpResponse<String> login = post("/login", before.cookie(), "name", "Ada", "_csrf", before.csrf());
        assertEquals(303, login.statusCode());
        assertEquals("/who", login.headers().firstValue("Location").orElseThrow());
        String cookie = cookieOf(login);
        assertTrue(login.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"));
        TestClient.LivePage after = TestClient.get(port, "/who", cookie);
        assertEquals("Ada", user(after));
        try (TestClient client = new TestClient(port, cookie)) {
            assertEquals("ok", status(client.join(after, true)), "the view token carries the session as before");
        }
    }

    @Test
    void signingInRenewsTheSessionIdSoAnOldOneIsWorthNothing() throws Exception {
        TestClient.LivePage before = TestClient.get(port, "/who");
        String cookie = cookieOf(post("/login", before.cookie(), "name", "Ada", "_csrf", before.csrf()));
        TestClient.LivePage after = TestClient.get(port, "/who", cookie);
        assertNotEquals(before.csrf(), after.csrf(), "a new id, so a new CSRF token");
        assertEquals(403, post("/login", cookie, "name", "Eve", "_csrf", before.csrf()).statusCode(),
                "the token of the id planted before sign-in no longer works");
    }

    @Test
    void aTamperedOrTruncatedCookieGivesAFreshEmptySession() throws Exception {
        TestClient.LivePage before = TestClient.get(port, "/who");
        String cookie = cookieOf(post("/login", before.cookie(), "name", "Ada", "_csrf", before.csrf()));
        for (String bad : new String[] {cookie.substring(0, cookie.length() - 4), cookie.replace('.', 'x'), "lv_session=garbage"}) {
            TestClient.LivePage page = TestClient.get(port, "/who", bad);
            assertEquals(200, page.status());
            assertEquals("nobody", user(page), bad);
            assertFalse(page.cookie().equals(bad), "a fresh session cookie is set");
        }
    }

    @Test
    void aSessionTooLargeForItsCookieFailsTheWriteNotTheBrowser() throws Exception {
        TestClient.LivePage page = TestClient.get(port, "/who");
        HttpResponse<String> response = post("/hoard", page.cookie(), "_csrf", page.csrf());
        assertEquals(500, response.statusCode());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "no broken cookie is sent");
        assertEquals("nobody", user(TestClient.get(port, "/who", page.cookie())), "the session is as it was");
    }

    @Test
    void endingASessionClosesEverySocketOfItAndOnlyThose() throws Exception {
        TestClient.LivePage before = TestClient.get(port, "/who");
        String cookie = cookieOf(post("/login", before.cookie(), "name", "Ada", "_csrf", before.csrf()));
        TestClient.LivePage page = TestClient.get(port, "/who", cookie);
        TestClient.LivePage stranger = TestClient.get(port, "/who");
        try (TestClient tab = new TestClient(port, cookie); TestClient other = new TestClient(port, stranger.cookie())) {
            assertEquals("ok", status(tab.join(page, true)));
            assertEquals("ok", status(other.join(stranger, true)));
            HttpResponse<String> logout = post("/logout", cookie, "_csrf", page.csrf());
            assertEquals(303, logout.statusCode());
            String fresh = cookieOf(logout);
            assertEquals(1000, tab.awaitClose());
            assertEquals("signed out", tab.closeReason.get());
            assertEquals("nobody", user(TestClient.get(port, "/who", fresh)), "the new session is empty");
            assertEquals("ok", status(other.call(null, "heartbeat", TestClient.JSON.createObjectNode())),
                    "another session's socket is untouched");
            assertFalse(other.closeCode.isDone());
        }
    }

    @Test
    void aCopyOfTheCookieOfAnEndedSessionIsWorthNothing() throws Exception {
        TestClient.LivePage before = TestClient.get(port, "/who");
        String stolen = cookieOf(post("/login", before.cookie(), "name", "Ada", "_csrf", before.csrf()));
        TestClient.LivePage page = TestClient.get(port, "/who", stolen);
        assertEquals("Ada", user(page));
        assertEquals(303, post("/logout", stolen, "_csrf", page.csrf()).statusCode());

        TestClient.LivePage replayed = TestClient.get(port, "/who", stolen);
        assertEquals("nobody", user(replayed), "the page gets a fresh session");
        assertNotEquals(stolen, replayed.cookie());
        assertEquals(403, post("/logout", stolen, "_csrf", page.csrf()).statusCode(), "endpoints see no session either");
        try (TestClient client = new TestClient(port, stolen)) {
            assertEquals("invalid_csrf", reason(client.join(page, false)), "nor does a socket");
        }
    }
}
