package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode: templates read from a source folder on every render, open views following saves, errors
 * shown where they happen; and none of it when dev mode is off.
 */
class DevModeTest extends ServerTest {

    @TempDir
    Path sources;
    private Path templates;
    private TestClient.LivePage page;

    @BeforeEach
    void folders() throws Exception {
        templates = Files.createDirectories(sources.resolve("templates"));
        write("dev-probe", "<p>first <span th:text=\"${word}\">w</span></p>");
    }

    private void write(String template, String html) throws Exception {
        Files.writeString(templates.resolve(template + ".html"), html);
    }

    private int startDev(UnaryOperator<LiveViewServer.Builder> more) {
        return start(b -> more.apply(b.live("/dev", DevProbeLive::new).live("/broken", BrokenLive::new)
                .devMode(true).devTemplates(templates)));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return TestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the next push of the view, skipping none: every push here must be the one expected. */
    private static JsonNode push(TestClient client, String kind) throws Exception {
        JsonNode push = client.nextPush();
        assertEquals(kind, push.get(2).asText(), push.toString());
        return push.get(3);
    }

    /** Starts a dev server, renders {@code /dev} into {@link #page} and joins its view on a socket of the page's session. */
    private TestClient joinedProbe(UnaryOperator<LiveViewServer.Builder> more) throws Exception {
        int port = startDev(more);
        page = TestClient.get(port, "/dev");
        TestClient client = new TestClient(port, page.cookie());
        assertEquals("ok", status(client.join(page, true)));
        return client;
    }

    /** Saves the probe's template and returns the patch of the diff push that follows. */
    private String saveProbe(TestClient client, String html) throws Exception {
        write("dev-probe", html);
        return push(client, "diff").path("patch").toString();
    }

    @Test
    void anEditedTemplateShowsOnTheNextRender() throws Exception {
        int port = startDev(b -> b);
        assertEquals("first mounted", TestClient.get(port, "/dev").document().select("[data-lv-root] p").text());
        write("dev-probe", "<p>second <span th:text=\"${word}\">w</span></p>");
        Document second = TestClient.get(port, "/dev").document();
        assertEquals("second mounted", second.select("[data-lv-root] p").text());
        assertEquals(1, second.select("script[src$=liveview.js]").size(), "the class path's default layout still wraps the page");
    }

    @Test
    void aJoinedViewPushesItsNewRenderWhenItsTemplateIsSaved() throws Exception {
        try (TestClient client = joinedProbe(b -> b)) {
            String saved = saveProbe(client, "<p>saved <span th:text=\"${word}\">w</span></p>");
            assertTrue(saved.contains("saved"), saved);
            // The view keeps its state: the edit changed only the template.
            JsonNode reply = client.event(page.viewId(), "say", TestClient.values("word", "hello"));
            assertTrue(reply.get(3).path("patch").toString().contains("hello"), reply.toString());
        }
    }

    @Test
    void aBrokenTemplateShowsItsErrorInTheViewUntilItIsFixed() throws Exception {
        try (TestClient client = joinedProbe(b -> b)) {
            String broken = saveProbe(client, "<div>\n<p th:text=\"${word.noSuchProperty}\">w</p>\n</div>");
            assertTrue(broken.contains("lv-dev-error") && broken.contains("dev-probe") && broken.contains("noSuchProperty"), broken);
            // Still alive: an event is answered, and still shows the error.
            assertEquals("ok", status(client.event(page.viewId(), "say", TestClient.values("word", "meanwhile"))));
            String fixed = saveProbe(client, "<p>fixed <span th:text=\"${word}\">w</span></p>");
            assertTrue(fixed.contains("fixed") && fixed.contains("meanwhile"), fixed);
            assertNull(client.pushes.poll(), "no crash, no other push");
        }
    }

    @Test
    void aSavedLayoutReloadsThePage() throws Exception {
        write("dev-layout", "<html><head><th:block th:utext=\"${lvHead}\"></th:block></head><body th:utext=\"${lvRoot}\"></body></html>");
        try (TestClient client = joinedProbe(b -> b.layout("dev-layout"))) {
            write("dev-layout", "<html><head><th:block th:utext=\"${lvHead}\"></th:block></head><body><nav>new</nav><div th:utext=\"${lvRoot}\"></div></body></html>");
            assertEquals("1", push(client, "reload").path("join").asText(), "the ref of the join, the client's first frame");
        }
    }

    @Test
    void aFailedFirstRenderShowsTheTemplateLineAndTheException() throws Exception {
        int port = startDev(b -> b);
        write("dev-probe", "<div>\n<p>fine</p>\n<p th:text=\"${'<i>markup</i>' + word.noSuchProperty}\">w</p>\n</div>");
        HttpResponse<String> response = get(port, "/dev");
        assertEquals(500, response.statusCode());
        Document document = Jsoup.parse(response.body());
        String text = document.text();
        assertTrue(text.contains("Template dev-probe, line 3, column"), text);
        assertTrue(text.contains("org.thymeleaf.exceptions.TemplateProcessingException") && text.contains("noSuchProperty"), text);
        assertTrue(text.contains("The server log has the cause under lv-"), text);
        assertTrue(response.body().contains("&lt;i&gt;markup&lt;/i&gt;") && document.select("i").isEmpty(), "escaped: " + response.body());
    }

    @Test
    void aFailedMountShowsTheExceptionItsCausesAndItsStack() throws Exception {
        int port = startDev(b -> b);
        HttpResponse<String> response = get(port, "/broken");
        assertEquals(500, response.statusCode());
        String text = Jsoup.parse(response.body()).text();
        assertTrue(text.contains("java.lang.IllegalStateException: secret detail that must not reach the browser"), text);
        assertTrue(text.contains("at io.liveview.core.BrokenLive.mount(BrokenLive.java"), text);
    }

    @Test
    void withDevModeOffTheSameFailuresShowNoDetail() throws Exception {
        int port = start(b -> b.live("/dev", DevProbeLive::new).live("/broken", BrokenLive::new)
                .devMode(false).devTemplates(templates));
        // No folder is read: the class path has no dev-probe template.
        for (String path : new String[] {"/dev", "/broken"}) {
            HttpResponse<String> response = get(port, path);
            assertEquals(500, response.statusCode());
            assertTrue(response.body().contains("Something went wrong"), response.body());
            assertFalse(response.body().contains("Exception") || response.body().contains("dev-probe")
                    || response.body().contains("secret detail") || response.body().contains(" at "), response.body());
        }
    }

    @Test
    void staticFilesComeFreshFromTheFolderNextToTheTemplates() throws Exception {
        Path css = Files.createDirectories(sources.resolve("static")).resolve("dev.css");
        Files.writeString(css, "p { color: red }");
        int port = startDev(b -> b);
        assertEquals("p { color: red }", get(port, "/static/dev.css").body());
        Files.writeString(css, "p { color: blue }");
        assertEquals("p { color: blue }", get(port, "/static/dev.css").body());
        assertEquals(200, get(port, "/static/site.css").statusCode(), "the class path serves what the folder lacks");
    }

    @Test
    void theBuilderDecidesBeforeTheEnvironment() {
        assertFalse(DevMode.enabled(null, null), "off by default");
        assertTrue(DevMode.enabled(null, "1"));
        assertTrue(DevMode.enabled(null, " TRUE "));
        assertFalse(DevMode.enabled(null, "0"));
        assertFalse(DevMode.enabled(null, "yes"));
        assertFalse(DevMode.enabled(false, "1"));
        assertTrue(DevMode.enabled(true, null));
        assertTrue(DevMode.enabled(true, "0"));
    }

    @Test
    void theWatcherThreadRunsOnlyInDevModeAndStopsWithTheServer() {
        start(b -> b.devMode(false).devTemplates(templates));
        assertFalse(watcherRunning(), "off: nothing watches");
        startDev(b -> b);
        assertTrue(watcherRunning());
        stopServer();
        assertFalse(watcherRunning(), "stop() ends the watcher");
    }

    private static boolean watcherRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(TemplateWatcher.THREAD_NAME) && t.isAlive());
    }
}
