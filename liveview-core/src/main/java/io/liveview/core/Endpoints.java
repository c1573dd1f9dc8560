package io.liveview.core;

import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plain HTTP endpoints by method and path template; GET ones also answer HEAD. Matched like live
 * routes: a literal path before any template.
 */
final class Endpoints {

    /** An endpoint: {@code path} is its template, e.g. {@code /todo/{id}/done}. */
    record Route(String method, String path, PathTemplate template, Endpoint handler) {
    }

    /** A request's endpoint and the values of its path parameters. */
    record Match(Route route, Map<String, String> values) {
    }

    private final Map<String, Route> get;
    private final Map<String, Route> post;

    Endpoints() {
        this(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private Endpoints(Map<String, Route> get, Map<String, Route> post) {
        this.get = get;
        this.post = post;
    }

    /** An unchangeable copy, so a builder used again cannot change a running server's table. */
    Endpoints copy() {
        return new Endpoints(Map.copyOf(get), Map.copyOf(post));
    }

    /**
     * @throws IllegalArgumentException for a malformed template, or one that matches the same paths
     *                                  as an endpoint of the method already added
     */
    void add(HttpString method, String path, Endpoint handler) {
        PathTemplate template = PathTemplate.parse(path);
        Map<String, Route> table = table(method);
        if (takes(table, template)) {
            throw new IllegalArgumentException("two " + method + " endpoints for path " + path);
        }
        table.put(path, new Route(method.toString(), path, template, Objects.requireNonNull(handler, "handler")));
    }

    /** @return every endpoint, GET ones first */
    List<Route> all() {
        List<Route> all = new ArrayList<>(get.values());
        all.addAll(post.values());
        return all;
    }

    /** @return whether a GET endpoint matches the same paths as {@code template} */
    boolean hasGet(PathTemplate template) {
        return takes(get, template);
    }

    /**
     * @param method the request method; HEAD finds the GET endpoints
     * @return the endpoint for the path, or {@code null}
     */
    Match match(HttpString method, String path) {
        Map<String, Route> table = method.equals(Methods.HEAD) ? get : table(method);
        if (table == null) {
            return null;
        }
        PathTemplate.Found<Route> found = PathTemplate.find(table, Route::template, path);
        return found == null ? null : new Match(found.route(), found.values());
    }

    private Map<String, Route> table(HttpString method) {
        return method.equals(Methods.GET) ? get : method.equals(Methods.POST) ? post : null;
    }

    private static boolean takes(Map<String, Route> table, PathTemplate template) {
        return table.values().stream().anyMatch(route -> route.template().shape().equals(template.shape()));
    }
}
