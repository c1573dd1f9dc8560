package io.liveview.core;

/**
 * Makes client input safe to repeat in a reply or a log line: at most {@value #MAX} characters,
 * control, line-separating and invisible formatting characters written as Java-style unicode
 * escapes. So no client can make a reply large, forge a log line, or hide text from its reader.
 */
final class Echo {

    /** The most characters of client input any reply or log line repeats. */
    static final int MAX = 100;

    private Echo() {
    }

    static String of(String clientText) {
        if (clientText == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(clientText.length(), MAX) + 16);
        int shown = 0;
        int i = 0;
        while (i < clientText.length() && shown < MAX) {
            int c = clientText.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
            shown++;
        }
        if (i < clientText.length()) {
            out.append("…(").append(clientText.length()).append(" chars)");
        }
        return out.toString();
    }
}
