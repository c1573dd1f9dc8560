package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files under {@code static/} on the class path: types, caching, gzip, HEAD, and nothing outside the folder. */
class StaticFilesTest extends ServerTest {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private int port;

    @BeforeEach
    void startServer() {
        port = start(builder -> builder);
    }

    @Test
    void eachFileComesWithTheTypeOfItsExtension() throws Exception {
        Map<String, String> types = Map.of(
                "site.css", "text/css; charset=utf-8",
                "app.3f9a1c2b.js", "text/javascript; charset=utf-8",
                "dot.png", "image/png",
                "nested/readme.txt", "text/plain; charset=utf-8");
        for (Map.Entry<String, String> file : types.entrySet()) {
            HttpResponse<byte[]> response = get("/static/" + file.getKey());
            assertEquals(200, response.statusCode(), file.getKey());
            assertEquals(file.getValue(), response.headers().firstValue("Content-Type").orElseThrow(), file.getKey());
            assertArrayEquals(resource(file.getKey()), response.body(), file.getKey());
            assertSecurityHeaders(response.headers());
        }
    }

    @Test
    void anUnchangedFileIsRevalidatedWithoutABody() throws Exception {
        String etag = get("/static/site.css").headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertEquals(etag, get("/static/site.css").headers().firstValue("ETag").orElseThrow(), "the same bytes, the same tag");
        assertFalse(etag.equals(get("/static/dot.png").headers().firstValue("ETag").orElseThrow()));

        HttpResponse<byte[]> notModified = get("/static/site.css", "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(etag, notModified.headers().firstValue("ETag").orElseThrow());
        assertSecurityHeaders(notModified.headers());

        assertEquals(200, get("/static/site.css", "If-None-Match", "\"an-older-version\"").statusCode());
    }

    @Test
    void textIsGzippedForBrowsersThatAcceptIt() throws Exception {
        HttpResponse<byte[]> gzipped = get("/static/site.css", "Accept-Encoding", "gzip, deflate, br");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(resource("site.css"), in.readAllBytes());
        }
        assertTrue(gzipped.body().length < resource("site.css").length);

        HttpResponse<byte[]> plain = get("/static/site.css");
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(resource("site.css"), plain.body());
    }

    @Test
    void imagesAreNeverGzipped() throws Exception {
        HttpResponse<byte[]> png = get("/static/dot.png", "Accept-Encoding", "gzip");
        assertTrue(png.headers().firstValue("Content-Encoding").isEmpty());
        assertArrayEquals(resource("dot.png"), png.body());
    }

    @Test
    void onlyFingerprintedNamesAreCachedForAYear() throws Exception {
        assertEquals(IMMUTABLE, get("/static/app.3f9a1c2b.js").headers().firstValue("Cache-Control").orElseThrow());
        for (String name : List.of("site.css", "dot.png", "nested/readme.txt")) {
            assertEquals("no-cache", get("/static/" + name).headers().firstValue("Cache-Control").orElseThrow(), name);
        }
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutTheBody() throws Exception {
        RawResponse get = raw("GET", "/static/site.css");
        RawResponse head = raw("HEAD", "/static/site.css");
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(get.headers().get("content-type"), head.headers().get("content-type"));
        assertEquals(get.headers().get("content-length"), head.headers().get("content-length"));
        assertEquals(get.headers().get("etag"), head.headers().get("etag"));
    }

    @Test
    void noSpellingOfAPathReachesOutsideTheFolder() throws Exception {
        // simplelogger.properties and templates/probe.html exist on the class path, next to static/.
        List<String> paths = List.of(
                "/static/../simplelogger.properties",
                "/static/../templates/probe.html",
                "/static/%2e%2e/simplelogger.properties",
                "/static/%2E%2E/simplelogger.properties",
                "/static/.%2e/simplelogger.properties",
                "/static/..%2fsimplelogger.properties",
                "/static/%2e%2e%2fsimplelogger.properties",
                "/static/%252e%252e/simplelogger.properties",
                "/static/..%5csimplelogger.properties",
                "/static/nested/../site.css",
                "/static/./site.css",
                "/static/site.css%00",
                "/static/site.css%00.png",
                "/static//etc/passwd",
                "/static/%2fetc/passwd",
                "/static/%2Fetc%2Fpasswd",
                "/static/C:/Windows/win.ini",
                "/static/file:/etc/passwd",
                "/static/.hidden",
                "/static/nested",
                "/static/nested/",
                "/static/");
        for (String path : paths) {
            RawResponse response = raw("GET", path);
            assertEquals(404, response.status(), path);
            assertFalse(response.body().contains("simpleLogger") || response.body().contains("<"), path + " gave " + response.body());
        }
        // A raw backslash is not legal in a request line: Undertow's parser answers 400 before any handler runs.
        assertEquals(400, raw("GET", "/static/..\\simplelogger.properties").status());
        assertEquals(200, raw("GET", "/static/nested/readme.txt").status(), "the control: a legal name is served");
    }

    @Test
    void aMissingFileIs404WithoutEchoingThePath() throws Exception {
        HttpResponse<byte[]> response = get("/static/no-such-file-marker.css");
        assertEquals(404, response.statusCode());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(body.contains("marker"), body);
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertSecurityHeaders(response.headers());
    }

    @Test
    void foldersInJarsAndFilesOverTheLimitAre404(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("files");
        Files.createDirectories(folder.resolve("static"));
        Files.write(folder.resolve("static/big.bin"), new byte[StaticFiles.MAX_FILE_BYTES + 1]);
        Files.write(folder.resolve("static/limit.bin"), new byte[StaticFiles.MAX_FILE_BYTES]);
        Path jar = dir.resolve("assets.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("static/fonts/"));
            out.putNextEntry(new JarEntry("static/fonts/note.txt"));
            out.write("in a jar".getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL(), jar.toUri().toURL()},
                getClass().getClassLoader())) {
            port = start(builder -> builder.classLoader(loader));
            assertEquals(404, get("/static/big.bin").statusCode());
            assertEquals(404, get("/static/big.bin").statusCode(), "still refused once known");
            assertEquals(StaticFiles.MAX_FILE_BYTES, get("/static/limit.bin").body().length);
            assertEquals(404, get("/static/fonts").statusCode());
            assertEquals(404, get("/static/fonts/").statusCode());
            assertEquals("in a jar", new String(get("/static/fonts/note.txt").body(), StandardCharsets.UTF_8));
            stopServer();
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends the path exactly as written: {@link java.net.http.HttpClient} would normalise or refuse some. */
    private RawResponse raw(String method, String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return RawResponse.read(socket.getInputStream());
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticFilesTest.class.getClassLoader().getResourceAsStream("static/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(SecurityHeaders.DEFAULT_CSP, headers.firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("SAMEORIGIN", headers.firstValue("X-Frame-Options").orElseThrow());
    }
}
