package io.liveview.core;

import io.undertow.server.HttpServerExchange;

/**
 * Where a request stands within the server, which an application's Undertow may mount under a path
 * prefix (Undertow's {@code PathHandler} moves the prefix from the relative to the resolved path).
 * Routes, endpoints and static files are matched below the prefix; whatever the server writes for the
 * browser (script, links, redirects, cookie path) puts it back in front.
 */
final class MountPath {

    private MountPath() {
    }

    /** The prefix the server is mounted under, without a trailing slash: {@code ""} when standalone, e.g. {@code /app}. */
    static String base(HttpServerExchange exchange) {
        String resolved = exchange.getResolvedPath();
        return resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved;
    }

    /** The request's path below the prefix, e.g. {@code /counter} for {@code /app/counter}; {@code /} for the prefix itself. */
    static String path(HttpServerExchange exchange) {
        String relative = exchange.getRelativePath();
        return relative.isEmpty() ? "/" : relative;
    }
}
