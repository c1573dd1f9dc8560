package io.liveview.core;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the class path folder {@code static/}, served under {@value #PREFIX}: read once,
 * kept in memory with an ETag and, for text, a gzipped copy. Only names made of plain segments
 * (letters, digits, {@code _ - .}, none starting with a dot) are looked up, so no spelling of a
 * path, encoded or not, reaches outside the folder. Files over {@value #MAX_FILE_BYTES} bytes are
 * not served: one WARN names the file, and every request for it gets 404. In dev mode files are read
 * on every request, from the {@code static} folders next to the dev template folders first, so an
 * edited stylesheet shows on the next load.
 */
final class StaticFiles {

    static final String PREFIX = "/static/";

    private static final Logger LOG = LoggerFactory.getLogger(StaticFiles.class);
    private static final String FOLDER = "static/";
    /** Keeps the cache's size a matter of what the application ships, never of what clients ask. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    /** A segment of 8 or more hex digits between dots, as in {@code app.3f9a1c2b.css}: the name changes with the content. */
    private static final Pattern FINGERPRINT = Pattern.compile("\\.[0-9a-fA-F]{8,}\\.");
    private static final String NO_CACHE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String UTF8 = "; charset=utf-8";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css" + UTF8),
            Map.entry("js", "text/javascript" + UTF8),
            Map.entry("mjs", "text/javascript" + UTF8),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain" + UTF8),
            Map.entry("html", "text/html" + UTF8),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"));
    /** Images and fonts are compressed already; gzip would only cost time. */
    private static final Set<String> TEXT = Set.of("css", "js", "mjs", "json", "map", "txt", "html", "svg");
    private static final String FALLBACK_TYPE = "application/octet-stream";

    private record Asset(byte[] plain, byte[] gzipped, String etag, String contentType, String cacheControl) {
    }

    private final ClassLoader classLoader;
    private final boolean fresh;
    private final List<Path> sourceFolders;
    // Only files that exist are kept, so both maps are bounded by the folder's contents.
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();
    private final Set<String> tooLarge = ConcurrentHashMap.newKeySet();

    StaticFiles(ClassLoader classLoader, DevMode dev) {
        this.classLoader = classLoader;
        this.fresh = dev.on();
        this.sourceFolders = dev.staticFolders();
    }

    void serve(HttpServerExchange exchange) {
        String name = MountPath.path(exchange).substring(PREFIX.length());
        Asset asset = fresh ? null : assets.get(name);
        if (asset != null) {
            send(exchange, asset);
        } else {
            // The first read of a file may block on a jar: not on the IO thread, which serves every connection.
            exchange.dispatch(() -> serveUncached(exchange, name));
        }
    }

    private void serveUncached(HttpServerExchange exchange, String name) {
        Asset asset = SAFE_NAME.matcher(name).matches() && !tooLarge.contains(name) ? load(name) : null;
        if (asset == null) {
            LiveViewServer.plain(exchange, StatusCodes.NOT_FOUND, "No such file");
        } else {
            if (!fresh) {
                assets.putIfAbsent(name, asset);
            }
            send(exchange, asset);
        }
    }

    /** @return the file, or null when there is none, it is a folder, or it is too large to serve */
    private Asset load(String name) {
        try {
            URL url = locate(name);
            if (url == null) {
                return null;
            }
            URLConnection connection = url.openConnection();
            if (isFolder(url, connection)) {
                return null;
            }
            byte[] plain;
            try (InputStream in = connection.getInputStream()) {
                plain = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (plain.length > MAX_FILE_BYTES) {
                if (tooLarge.add(name)) {
                    LOG.warn("not serving static/{}: it is over the {} bytes a static file may have", name, MAX_FILE_BYTES);
                }
                return null;
            }
            String extension = extension(name);
            byte[] gzipped = TEXT.contains(extension) ? smallerGzipped(plain) : null;
            String cacheControl = FINGERPRINT.matcher(name.substring(name.lastIndexOf('/') + 1)).find() ? IMMUTABLE : NO_CACHE;
            return new Asset(plain, gzipped, "\"" + Tokens.hash(plain) + "\"", TYPES.getOrDefault(extension, FALLBACK_TYPE), cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read static/" + name, e);
        }
    }

    /** Dev mode's source folders first, then the class path; the name is a safe one. */
    private URL locate(String name) throws IOException {
        for (Path folder : sourceFolders) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return file.toUri().toURL();
            }
        }
        return classLoader.getResource(FOLDER + name);
    }

    /** Class loaders hand out folders too: as a file listing (file:) or an empty entry (jar:). */
    private static boolean isFolder(URL url, URLConnection connection) throws IOException {
        if (connection instanceof JarURLConnection jar) {
            return jar.getJarEntry().isDirectory();
        }
        if (url.getProtocol().equals("file")) {
            try {
                return !Files.isRegularFile(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                return true;
            }
        }
        return url.getPath().endsWith("/");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** @return the gzipped bytes, or null when gzip would not make them smaller (tiny files) */
    private static byte[] smallerGzipped(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.size() < plain.length ? out.toByteArray() : null;
    }

    private static void send(HttpServerExchange exchange, Asset asset) {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.ETAG, asset.etag());
        headers.put(Headers.CACHE_CONTROL, asset.cacheControl());
        if (asset.gzipped() != null) {
            headers.put(Headers.VARY, "Accept-Encoding");
        }
        if (matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH), asset.etag())) {
            exchange.setStatusCode(StatusCodes.NOT_MODIFIED);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, asset.contentType());
        String accepts = exchange.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING);
        boolean gzip = asset.gzipped() != null && accepts != null && accepts.contains("gzip");
        if (gzip) {
            headers.put(Headers.CONTENT_ENCODING, "gzip");
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(gzip ? asset.gzipped() : asset.plain()));
    }

    /** If-None-Match may list several tags, weak ones too; any of them naming our bytes means unchanged. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
