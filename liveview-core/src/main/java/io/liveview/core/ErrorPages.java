package io.liveview.core;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages for a path with no route (404) and a page that failed to render (500): templates the
 * application may replace, given a title, a message and, for a failure, the reference the server log
 * has the cause under. They never carry client input or a stack trace.
 */
final class ErrorPages {

    /** Used when the application sets no template of its own. */
    static final String DEFAULT_TEMPLATE = "liveview/error";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Renderer renderer;
    private final String notFoundTemplate;
    private final String errorTemplate;

    ErrorPages(Renderer renderer, String notFoundTemplate, String errorTemplate) {
        this.renderer = renderer;
        this.notFoundTemplate = notFoundTemplate;
        this.errorTemplate = errorTemplate;
    }

    void notFound(HttpServerExchange exchange) {
        send(exchange, StatusCodes.NOT_FOUND, notFoundTemplate, "Page not found",
                "There is no page at this address.", null);
    }

    /** @param reference what the server log names the failure by, e.g. the view id */
    void failed(HttpServerExchange exchange, String reference) {
        send(exchange, StatusCodes.INTERNAL_SERVER_ERROR, errorTemplate, "Something went wrong",
                "This page failed to load. Try again in a moment.", reference);
    }

    private void send(HttpServerExchange exchange, int status, String template, String title, String message, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("status", status);
        variables.put("title", title);
        variables.put("message", message);
        variables.put("reference", reference);
        String page;
        try {
            page = renderer.render(template, variables, MountPath.base(exchange));
        } catch (RuntimeException e) {
            // The application's error template itself is broken: a plain answer still goes out.
            LOG.error("the error page template {} failed to render", template, e);
            LiveViewServer.plain(exchange, status, title);
            return;
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
    }
}
