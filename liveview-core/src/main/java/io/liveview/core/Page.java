package io.liveview.core;

import java.util.HashMap;
import java.util.Map;

/** Builds the full HTML document of a first render around a view's root element. */
final class Page {

    /** Used when the application configures no layout of its own. */
    static final String DEFAULT_LAYOUT = "liveview/layout";

    private Page() {
    }

    /**
     * Renders the layout with the view's assigns plus {@code lvHead}, {@code lvRoot} and {@code lvCsrf}
     * (for a form's hidden {@code _csrf} field). The ids and tokens put into markup here are
     * base64url and the base is the application's own mount prefix, so they need no escaping.
     *
     * @param base the prefix the server is mounted under, {@code ""} when standalone
     */
    static String render(Renderer renderer, LiveViewServer.Config config, Map<String, Object> assigns, String base,
                         String viewId, String token, String csrf, String inner) {
        Map<String, Object> variables = new HashMap<>(assigns);
        if (variables.get(Socket.PAGE_TITLE) == null) {
            variables.put(Socket.PAGE_TITLE, config.title());
        }
        variables.put("lvCsrf", csrf);
        variables.put("lvHead", "<meta name=\"lv-csrf\" content=\"" + csrf + "\">"
                + "<script type=\"module\" src=\"" + base + LiveViewServer.CLIENT_PATH + "\"></script>");
        variables.put("lvRoot", "<div id=\"" + viewId + "\" data-lv-root data-lv-token=\"" + token + "\">" + inner + "</div>");
        return renderer.render(layout(config), variables, base);
    }

    /** The template every page is wrapped in. */
    static String layout(LiveViewServer.Config config) {
        return config.layout() == null ? DEFAULT_LAYOUT : config.layout();
    }
}
