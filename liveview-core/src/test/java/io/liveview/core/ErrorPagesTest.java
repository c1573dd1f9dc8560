package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The 404 and 500 pages: HTML from a template the application may replace, never client input or a stack. */
class ErrorPagesTest extends ServerTest {

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return TestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownPathGetsTheNotFoundPageWithoutEchoingIt() throws Exception {
        int port = start(b -> b);
        HttpResponse<String> response = get(port, "/nowhere-%3Cb%3Ebold%3C%2Fb%3E");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("Page not found"), response.body());
        assertFalse(response.body().contains("bold") || response.body().contains("nowhere"), response.body());
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void aFailedFirstRenderGetsTheErrorPageWithAReferenceAndNoDetail() throws Exception {
        int port = start(b -> b.live("/broken", BrokenLive::new));
        HttpResponse<String> response = get(port, "/broken");
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("Something went wrong"), response.body());
        assertTrue(response.body().contains("lv-"), "the reference the log has the cause under: " + response.body());
        assertFalse(response.body().contains("secret detail") || response.body().contains("Exception"), response.body());
    }

    @Test
    void theApplicationMayReplaceThePages() throws Exception {
        int port = start(b -> b.live("/broken", BrokenLive::new).notFoundPage("custom-404").errorPage("broken-error"));
        HttpResponse<String> lost = get(port, "/nowhere");
        assertEquals(404, lost.statusCode());
        assertTrue(lost.body().contains("Lost in space") && lost.body().contains("404"), lost.body());
        HttpResponse<String> failed = get(port, "/broken");
        assertEquals(500, failed.statusCode(), "a broken error template still answers");
        assertEquals("Something went wrong\n", failed.body());
    }
}
