package io.liveview.core;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The browser client, read once from the liveview-js jar and served gzipped when the browser
 * accepts it, with an ETag so that revalidation costs no body. Outside dev mode it is served
 * {@linkplain #compact compacted}: its comments are for the people who read the source, not for
 * every browser that loads it (they are a third of its gzipped bytes).
 */
final class ClientScript {

    private static final String RESOURCE = "io/liveview/js/liveview.js";

    private final byte[] plain;
    private final byte[] gzipped;
    private final String etag;

    /** @param readable serve the source as written (dev mode), else {@linkplain #compact compacted} */
    ClientScript(boolean readable) {
        try (InputStream in = ClientScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the browser client " + RESOURCE + " is not on the classpath: add io.liveview:liveview-js");
            }
            byte[] source = in.readAllBytes();
            plain = readable ? source : compact(new String(source, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // Compressed once, so the best level costs nothing per request.
            try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(plain);
            }
            gzipped = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        etag = "\"" + Tokens.hash(new String(plain, StandardCharsets.UTF_8)) + "\"";
    }

    /**
     * The client without its leading block comment, whole-line {@code //} comments, blank lines and
     * indentation. Safe because the source keeps to two rules, which {@code ClientSizeTest} checks:
     * no block comment after the header and no template literal spanning lines.
     */
    static String compact(String source) {
        String body = source.startsWith("/*") ? source.substring(source.indexOf("*/") + 2) : source;
        StringBuilder out = new StringBuilder(body.length());
        for (String line : body.split("\n")) {
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("//")) {
                out.append(code).append('\n');
            }
        }
        return out.toString();
    }

    void serve(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.ETAG, etag);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(Headers.VARY, "Accept-Encoding");
        if (etag.equals(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/javascript; charset=utf-8");
        String accepts = exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING);
        boolean gzip = accepts != null && accepts.contains("gzip");
        if (gzip) {
            exchange.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(gzip ? gzipped : plain));
    }
}
