package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Route groups behind mount hooks, on the first render and on the join. */
class GuardsTest extends ServerTest {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Set<String> SIGNED_OUT = ConcurrentHashMap.newKeySet();

    private static final OnMount REQUIRE_USER = (params, session, socket) -> {
        if (session.get("user").isEmpty() || SIGNED_OUT.contains(session.id())) {
            socket.redirect("/login?next=" + params.path());
            return false;
        }
        socket.assign("user", "hook saw " + session.get("user").get());
        return true;
    };

    private int port;

    @BeforeEach
    void startServer() {
        port = start(b -> b
                .mountOnce(java.time.Duration.ZERO)
                .group(REQUIRE_USER, signedIn -> signedIn.live("/who", WhoLive::new))
                .group((params, session, socket) -> false, closed -> closed.live("/vault", ProbeLive::new))
                .post("/login", (request, response) -> response
                        .session(request.session().renewed().with("user", request.form().require("name")))
                        .redirect("/who")));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return NO_REDIRECTS.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(String name) throws Exception {
        TestClient.LivePage any = TestClient.get(port, "/probe");
        String cookie = any.cookie();
        HttpResponse<String> login = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&_csrf=" + csrfOf(cookie))).build(),
                HttpResponse.BodyHandlers.ofString());
        String set = login.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private String csrfOf(String cookie) throws Exception {
        return server.tokens().csrf(server.tokens().verifySession(cookie.substring(cookie.indexOf('=') + 1)).id());
    }

    @Test
    void aHookThatHaltsSendsTheFirstRenderToItsRedirect() throws Exception {
        HttpResponse<String> anonymous = get("/who", null);
        assertEquals(302, anonymous.statusCode());
        assertEquals("/login?next=/who", anonymous.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aHookThatLetsThroughAssignsBeforeTheViewsMount() throws Exception {
        String cookie = signIn("Ada");
        TestClient.LivePage page = TestClient.get(port, "/who", cookie);
        assertEquals(200, page.status());
        assertEquals("Ada", Html.parseFragment(page.inner()).getElementById("user").text(),
                "the view's own mount ran after the hook (and assigned over it)");
    }

    @Test
    void aHookThatHaltsWithoutATargetRefuses() throws Exception {
        assertEquals(403, get("/vault", null).statusCode());
    }

    @Test
    void theHooksRunAgainOnTheJoinAndCanSendThePageElsewhere() throws Exception {
        String cookie = signIn("Ada");
        TestClient.LivePage page = TestClient.get(port, "/who", cookie);
        try (TestClient client = new TestClient(port, cookie)) {
            assertEquals("ok", status(client.join(page, false)));
        }
        SIGNED_OUT.add(server.tokens().verifySession(cookie.substring(cookie.indexOf('=') + 1)).id());
        try (TestClient client = new TestClient(port, cookie)) {
            JsonNode refused = client.join(page, false);
            assertEquals("redirect", reason(refused));
            assertEquals("/login?next=/who", refused.get(3).get("to").asText());
            assertEquals("unknown_view", reason(client.event(page.viewId(), "inc")), "nothing was mounted");
        }
    }

    @Test
    void aRedirectToAnotherSiteBecomesTheHomePage() {
        Socket socket = new Socket("lv-x", false, Socket.disconnected("lv-x"));
        for (String foreign : new String[] {"//evil.example", "https://evil.example", "javascript:alert(1)", "/\\evil.example"}) {
            assertEquals("/", socket.redirect(foreign).redirectTarget(), foreign);
        }
        assertEquals("/login?next=/who", socket.redirect("/login?next=/who").redirectTarget());
        assertThrows(NullPointerException.class, () -> LiveViewServer.builder().group(null, b -> { }));
    }
}
