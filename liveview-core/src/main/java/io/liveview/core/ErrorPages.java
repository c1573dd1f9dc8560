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
 * has the cause under. They never carry client input or a stack trace, except in dev mode, where a
 * failure's page shows its template line, exception and stack ({@link DevErrors}).
 */
final class ErrorPages {

    /** Used when the application sets no template of its own. */
    static final String DEFAULT_TEMPLATE = "liveview/error";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Renderer renderer;
    private final String notFoundTemplate;
    private final String errorTemplate;
    private final boolean dev;

    ErrorPages(Renderer renderer, String notFoundTemplate, String errorTemplate, boolean dev) {
        this.renderer = renderer;
        this.notFoundTemplate = notFoundTemplate;
        this.errorTemplate = errorTemplate;
        this.dev = dev;
    }

    void notFound(HttpServerExchange exchange) {
        send(exchange, StatusCodes.NOT_FOUND, notFoundTemplate, variables("Page not found", "There is no page at this address.", null));
    }

    /**
     * @param reference what the server log names the failure by, e.g. the view id
     * @param failure   the cause, shown only in dev mode
     */
    void failed(HttpServerExchange exchange, String reference, Throwable failure) {
        if (dev) {
            Map<String, Object> details = DevErrors.details(failure);
            details.put("title", "This page failed to render");
            details.put("reference", reference);
            send(exchange, StatusCodes.INTERNAL_SERVER_ERROR, DevErrors.PAGE, details);
        } else {
            send(exchange, StatusCodes.INTERNAL_SERVER_ERROR, errorTemplate, variables("Something went wrong",
                    "This page failed to load. Try again in a moment.", reference));
        }
    }

    private static Map<String, Object> variables(String title, String message, String reference) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("message", message);
        variables.put("reference", reference);
        return variables;
    }

    /** @param variables the template's, {@code title} among them */
    private void send(HttpServerExchange exchange, int status, String template, Map<String, Object> variables) {
        variables.put("status", status);
        String page;
        try {
            page = renderer.render(template, variables, MountPath.base(exchange));
        } catch (RuntimeException e) {
            // The application's error template itself is broken: a plain answer still goes out.
            LOG.error("the error page template {} failed to render", template, e);
            LiveViewServer.plain(exchange, status, (String) variables.get("title"));
            return;
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(page, StandardCharsets.UTF_8);
    }
}
