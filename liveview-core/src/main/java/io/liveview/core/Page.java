package io.liveview.core;

import java.util.HashMap;
import java.util.Map;

/** Builds the full HTML document of a first render around a view's root element. */
final class Page {

    private Page() {
    }

    static String render(Renderer renderer, LiveViewServer.Config config, Map<String, Object> assigns,
                         String viewId, String token, String csrf, String inner) {
        String head = "<meta name=\"lv-csrf\" content=\"" + escape(csrf) + "\">"
                + "<script type=\"module\" src=\"" + LiveViewServer.CLIENT_PATH + "\"></script>";
        String root = "<div id=\"" + escape(viewId) + "\" data-lv-root data-lv-token=\"" + escape(token) + "\">"
                + inner + "</div>";
        if (config.layout() != null) {
            Map<String, Object> variables = new HashMap<>(assigns);
            variables.put("lvHead", head);
            variables.put("lvRoot", root);
            return renderer.render(config.layout(), variables);
        }
        Object title = assigns.getOrDefault("pageTitle", config.title());
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(String.valueOf(title)) + "</title>" + head + "</head>\n<body>" + root + "</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
