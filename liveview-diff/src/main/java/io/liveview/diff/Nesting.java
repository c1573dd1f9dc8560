package io.liveview.diff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides, tag by tag, whether markup read by a {@link Tokenizer} is nested plainly: every start
 * tag opens an element where it stands, every end tag closes the element opened last, and text
 * goes where it stands. The HTML parser then builds exactly the tree the tags spell, and it
 * builds the same children for the content of any of these elements when that content is parsed
 * alone with the element as context: nothing the parser does depends on what lies outside.
 *
 * <p>The rules are the HTML parser's (jsoup's, which follows the standard), kept to the cases
 * where it only inserts: no element that closes an open {@code p}, {@code li}, {@code dd},
 * {@code dt}, {@code a}, {@code button}, {@code form} or heading; table parts only as the
 * children their parent takes, with whitespace only between them (other text would be moved out
 * of the table); no raw text, {@code template}, {@code select}, foreign (SVG, MathML) or other
 * element with rules of its own; no optional end tag left out.
 */
final class Nesting {

    /** Closes an open {@code p} (the parser's list and a few more, to be safe). */
    private static final int BLOCK = 1;
    /** Inserted where it stands, with no rule of its own. */
    private static final int INLINE = 1 << 1;
    private static final int VOID = 1 << 2;
    private static final int HEADING = 1 << 3;
    /** Takes only table parts and whitespace as children. */
    private static final int TABLE_PARENT = 1 << 4;
    /** Where the parser's search for an open {@code li}, {@code dd} or {@code dt} stops. */
    private static final int LIST_SCOPE = 1 << 5;
    /** A table part, allowed only as the child its parent takes. */
    private static final int TABLE_PART = 1 << 6;
    /** An element that must not be opened inside one of its kind; counted in {@link #inside}. */
    private static final int NOT_NESTED = 1 << 7;

    private static final Map<String, Integer> FLAGS = new HashMap<>();

    static {
        flag(BLOCK, "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
                "figcaption", "figure", "footer", "header", "hgroup", "main", "nav", "ol", "p", "section",
                "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "form", "li", "dd", "dt");
        flag(INLINE, "span", "label", "abbr", "cite", "dfn", "kbd", "q", "samp", "sub", "sup", "var", "time",
                "mark", "data", "ins", "del", "bdi", "output", "progress", "meter", "legend",
                // formatting elements: nested plainly, each stays on the stack it is recorded with
                "b", "code", "em", "i", "s", "small", "strong", "u",
                "a", "button", "br", "img", "input", "wbr");
        flag(VOID, "br", "img", "input", "wbr", "hr");
        flag(HEADING, "h1", "h2", "h3", "h4", "h5", "h6");
        flag(TABLE_PARENT, "table", "thead", "tbody", "tfoot", "tr");
        flag(LIST_SCOPE, "ul", "ol", "dl", "table", "td", "th");
        flag(TABLE_PART, "thead", "tbody", "tfoot", "tr", "td", "th");
        flag(NOT_NESTED, "p", "a", "button", "form");
    }

    private static void flag(int flag, String... names) {
        for (String name : names) {
            FLAGS.merge(name, flag, (a, b) -> a | b);
        }
    }

    /** Names with a '-' that are not custom elements' (SVG and MathML ones). */
    private static final Set<String> RESERVED = Set.of(
            "annotation-xml", "color-profile", "font-face", "font-face-src", "font-face-uri",
            "font-face-format", "font-face-name", "missing-glyph");
    /** Deep enough for any template, far below the parser's depth limit (512). */
    private static final int MAX_DEPTH = 256;

    private String[] open = new String[16];
    private int[] openFlags = new int[16];
    private int depth;
    /** The number of open elements of each {@link #NOT_NESTED} name. */
    private int paragraphs;
    private int links;
    private int buttons;
    private int forms;

    /** The tag names this class knows, for {@link Tokenizer} to read as constants. */
    static Set<String> names() {
        return FLAGS.keySet();
    }

    /** The number of open elements. */
    int depth() {
        return depth;
    }

    /** Whether an element of this name has no children: it has no end tag. */
    static boolean isVoid(String name) {
        return (flags(name) & VOID) != 0;
    }

    /** Opens an element for a start tag; false if that is not plain nesting here. */
    boolean start(String name, boolean selfClosing) {
        int flags = flags(name);
        boolean isVoid = (flags & VOID) != 0;
        if (selfClosing && !isVoid || depth == MAX_DEPTH || !allowedHere(name, flags)) {
            return false;
        }
        if (isVoid) {
            return true;
        }
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            openFlags = Arrays.copyOf(openFlags, depth * 2);
        }
        open[depth] = name;
        openFlags[depth++] = flags;
        if ((flags & NOT_NESTED) != 0) {
            count(name, 1);
        }
        return true;
    }

    /** Closes the element opened last; false if the end tag is not its own. */
    boolean end(String name) {
        if (depth == 0 || !open[depth - 1].equals(name)) {
            return false;
        }
        if ((openFlags[--depth] & NOT_NESTED) != 0) {
            count(name, -1);
        }
        return true;
    }

    /** Whether any text goes where it stands here; else only whitespace does. */
    boolean takesText() {
        return depth == 0 || (openFlags[depth - 1] & TABLE_PARENT) == 0;
    }

    private boolean allowedHere(String name, int flags) {
        String parent = depth == 0 ? "" : open[depth - 1];
        int parentFlags = depth == 0 ? 0 : openFlags[depth - 1];
        if ((flags & TABLE_PART) != 0) {
            return switch (name) {
                case "thead", "tbody", "tfoot" -> parent.equals("table");
                case "tr" -> parent.equals("thead") || parent.equals("tbody") || parent.equals("tfoot");
                default -> parent.equals("tr");
            };
        }
        if ((parentFlags & TABLE_PARENT) != 0 || (flags & NOT_NESTED) != 0 && inside(name)) {
            return false;
        }
        if ((flags & BLOCK) != 0) {
            return !inside("p")
                    && !((flags & HEADING) != 0 && (parentFlags & HEADING) != 0)
                    && !(name.equals("li") && openInList("li"))
                    && !((name.equals("dd") || name.equals("dt")) && (openInList("dd") || openInList("dt")));
        }
        return (flags & INLINE) != 0 || flags == 0 && isCustom(name);
    }

    private boolean inside(String name) {
        return switch (name) {
            case "p" -> paragraphs > 0;
            case "a" -> links > 0;
            case "button" -> buttons > 0;
            default -> forms > 0;
        };
    }

    private void count(String name, int delta) {
        switch (name) {
            case "p" -> paragraphs += delta;
            case "a" -> links += delta;
            case "button" -> buttons += delta;
            default -> forms += delta;
        }
    }

    /** Whether the parser's search for an open element of this name, for a new one, finds one. */
    private boolean openInList(String name) {
        for (int i = depth - 1; i >= 0; i--) {
            if (open[i].equals(name)) {
                return true;
            }
            if ((openFlags[i] & LIST_SCOPE) != 0) {
                return false;
            }
        }
        return false;
    }

    private static int flags(String name) {
        Integer flags = FLAGS.get(name);
        return flags == null ? 0 : flags;
    }

    /** A custom element's name (letters, digits and a '-'): the parser has no rule for it. */
    private static boolean isCustom(String name) {
        int dash = name.indexOf('-');
        if (dash <= 0 || RESERVED.contains(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
