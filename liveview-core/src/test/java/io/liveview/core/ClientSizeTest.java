package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The browser client as served stays within its budget: 8 KB gzipped; its source keeps what compacting needs. */
class ClientSizeTest extends ServerTest {

    static final int BUDGET_BYTES = 8 * 1024;

    @Test
    void theServedClientIsAtMost8KbGzipped() throws Exception {
        int port = start(b -> b);
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + LiveViewServer.CLIENT_PATH))
                        .header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", served.headers().firstValue("Content-Encoding").orElseThrow());
        int size = served.body().length;
        System.out.printf("ClientSizeTest: the client is %d bytes gzipped (budget %d)%n", size, BUDGET_BYTES);
        assertTrue(size <= BUDGET_BYTES, "the client is " + size + " bytes gzipped, over its budget of " + BUDGET_BYTES);
    }

    @Test
    void theSourceKeepsToTheRulesCompactingReliesOn() throws Exception {
        String source;
        try (var in = getClass().getClassLoader().getResourceAsStream("io/liveview/js/liveview.js")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String afterHeader = source.substring(source.indexOf("*/") + 2);
        assertTrue(!afterHeader.contains("/*"), "no block comment after the header: compacting keeps it whole");
        source.lines().forEach(line -> assertEquals(0, line.chars().filter(c -> c == '`').count() % 2,
                "a template literal spans lines, and compacting would strip its indentation: " + line));
        String compact = ClientScript.compact(source);
        assertTrue(compact.contains("export const hooks = {};") && !compact.startsWith("/*")
                && compact.lines().noneMatch(line -> line.startsWith("//") || line.startsWith(" ")),
                "comments and indentation go, code stays");
        assertEquals(source.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("//")).count()
                - source.substring(0, source.indexOf("*/")).lines().count(), compact.lines().count(),
                "one line of code out for each line of code in");
    }
}
