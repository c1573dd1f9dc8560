package io.liveview.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A route's path: literal segments and {@code {name}} segments, each of which matches one non-empty
 * path segment, e.g. {@code /todo/{id}} matches {@code /todo/42} with {@code id = "42"}.
 */
final class PathTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final String template;
    private final List<String> segments;
    private final boolean literal;

    private PathTemplate(String template, List<String> segments, boolean literal) {
        this.template = template;
        this.segments = segments;
        this.literal = literal;
    }

    /**
     * @throws IllegalArgumentException for a template that does not start with '/', a malformed or
     *                                  repeated parameter, or an empty segment
     */
    static PathTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + template);
        }
        List<String> segments = template.equals("/") ? List.of() : List.of(template.substring(1).split("/", -1));
        List<String> names = new ArrayList<>();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("a route path has no empty segment: " + template);
            }
            if (segment.contains("{") || segment.contains("}")) {
                var matcher = PARAMETER.matcher(segment);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("a parameter is a whole segment, {name}: " + template);
                }
                if (names.contains(matcher.group(1))) {
                    throw new IllegalArgumentException("parameter {" + matcher.group(1) + "} appears twice: " + template);
                }
                names.add(matcher.group(1));
            }
        }
        return new PathTemplate(template, segments, names.isEmpty());
    }

    String template() {
        return template;
    }

    /**
     * A route a path reaches, with its parameters' values.
     *
     * @param route  the route
     * @param values its parameters' values by name (none for a literal route)
     * @param <R>    the route's type
     */
    record Found<R>(R route, Map<String, String> values) {
    }

    /**
     * The route of a table a path reaches: a literal route before any with parameters.
     *
     * @param routes   the routes by their template
     * @param template a route's template
     * @return the route and its values, or {@code null} if none matches
     */
    static <R> Found<R> find(Map<String, R> routes, Function<R, PathTemplate> template, String path) {
        R literal = routes.get(path);
        if (literal != null && template.apply(literal).isLiteral()) {
            return new Found<>(literal, Map.of());
        }
        for (R route : routes.values()) {
            PathTemplate candidate = template.apply(route);
            Map<String, String> values = candidate.isLiteral() ? null : candidate.match(path);
            if (values != null) {
                return new Found<>(route, values);
            }
        }
        return null;
    }

    /** @return whether it has no parameter: it matches only itself */
    boolean isLiteral() {
        return literal;
    }

    /** The template with parameter names erased: two templates of the same shape match the same paths. */
    String shape() {
        return PARAMETER.matcher(template).replaceAll("{}");
    }

    /**
     * @param path a request path, decoded as Undertow decodes it (an encoded slash stays {@code %2F})
     * @return the parameters' values by name, or {@code null} if the path does not match
     */
    Map<String, String> match(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        List<String> parts = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
        if (parts.size() != segments.size()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String part = parts.get(i);
            if (segment.startsWith("{")) {
                if (part.isEmpty()) {
                    return null;
                }
                values.put(segment.substring(1, segment.length() - 1), part);
            } else if (!segment.equals(part)) {
                return null;
            }
        }
        return values;
    }
}
