package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liveview.diff.Html;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes with path parameters, over real HTTP and sockets. */
class RoutesTest extends ServerTest {

    private int startWithItems() {
        return start(b -> b.live("/items/{id}", ItemLive::new).live("/items/new", NewItemLive::new));
    }

    private static String text(String innerHtml, String id) {
        return Html.parseFragment(innerHtml).getElementById(id).text();
    }

    @Test
    void aPathParameterReachesParamsBesideTheQuery() throws Exception {
        int port = startWithItems();
        TestClient.LivePage page = TestClient.get(port, "/items/42?tab=history");
        assertEquals(200, page.status());
        assertEquals("42", text(page.inner(), "id"));
        assertEquals("history", text(page.inner(), "tab"));
        assertEquals("/items/42", text(page.inner(), "path"));
    }

    @Test
    void aValueThatDoesNotFitIsNoSuchPage() throws Exception {
        int port = startWithItems();
        TestClient.LivePage page = TestClient.get(port, "/items/%3Cscript%3E");
        assertEquals(404, page.status());
        assertFalse(page.document().html().contains("script"), "the 404 does not echo the value");
        assertEquals(404, TestClient.get(port, "/items/12/extra").status());
        assertEquals(404, TestClient.get(port, "/items/").status());
    }

    @Test
    void aLiteralRouteWinsOverATemplateThatAlsoMatches() throws Exception {
        int port = startWithItems();
        TestClient.LivePage page = TestClient.get(port, "/items/new");
        assertEquals(200, page.status());
        assertEquals("false", text(page.inner(), "connected"));
    }

    @Test
    void aJoinMountsWithThePathThePageWasRenderedForNotTheOneTheClientNames() throws Exception {
        int port = start(b -> b.live("/items/{id}", ItemLive::new).mountOnce(Duration.ZERO));
        TestClient.LivePage page = TestClient.get(port, "/items/7");
        try (TestClient client = new TestClient(port, page.cookie())) {
            JsonNode joined = client.join(page.viewId(), page.token(), page.csrf(), false, "http://localhost/items/666?tab=forged");
            assertEquals("ok", status(joined));
            String html = joined.get(3).get("html").asText();
            assertEquals("7", text(html, "id"), "path parameters come from the signed token");
            assertEquals("forged", text(html, "tab"), "query parameters come from the page's URL");
        }
    }

    @Test
    void twoRoutesThatMatchTheSamePathsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiveViewServer.builder().live("/items/{id}", ItemLive::new).live("/items/{name}", ItemLive::new));
        assertTrue(e.getMessage().contains("/items/{id}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiveViewServer.builder().live("/items/{id", ItemLive::new));
    }

    @Test
    void theStartUpLogListsEveryRouteByPath() {
        start(b -> b.live("/items/{id}", ItemLive::new)
                .group((params, session, socket) -> true, g -> g.live("/items/new", NewItemLive::new))
                .get("/health", (request, response) -> response.text("up"))
                .post("/items/{id}/done", (request, response) -> response.text("done")));
        String table = server.routeTable();
        List<String> lines = table.lines().filter(line -> !line.isBlank()).map(String::strip).toList();
        assertEquals(List.of("LIVE  /counting", "LIVE  /failing", "GET   /health", "LIVE  /items/new  (1 mount hook)",
                "LIVE  /items/{id}", "POST  /items/{id}/done", "LIVE  /probe", "LIVE  /process", "LIVE  /tally"), lines);
    }
}
