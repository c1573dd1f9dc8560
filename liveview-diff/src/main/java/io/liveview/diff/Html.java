package io.liveview.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.ProcessingInstruction;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Parses and serializes HTML fragments so that the server's tree is the tree the browser builds.
 *
 * <p>Parsing is jsoup's HTML5 fragment parser, plus the two steps where jsoup and browsers
 * differ: carriage returns are normalized to line feeds (the browser's input stream
 * preprocessing) and {@code <?...>} becomes a comment (a browser's bogus comment; jsoup builds a
 * processing instruction).
 *
 * <p>Serialization follows the HTML fragment serialization algorithm (what {@code innerHTML}
 * returns), made exact under re-parsing: a leading line feed of {@code pre}, {@code textarea}
 * and {@code listing} is doubled because the parser drops one, and a carriage return is written
 * as {@code &#13;} because the parser would turn a literal one into a line feed. jsoup's own
 * serializer is not used: it collapses {@code checked="checked"} to {@code checked}, renames
 * attributes whose names it deems invalid, and pretty-prints detached nodes.
 */
public final class Html {

    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
            "keygen", "link", "meta", "param", "source", "track", "wbr");

    /** Elements whose text the parser reads raw, so it is written without escaping. */
    private static final Set<String> RAW_TEXT_ELEMENTS = Set.of(
            "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext");

    private static final Set<String> NEWLINE_EATING_ELEMENTS = Set.of("pre", "textarea", "listing");

    private Html() {}

    /**
     * Parses the inner HTML of a live root.
     *
     * @param innerHtml the view's template output
     * @return a detached {@code div} whose children are the nodes a browser builds for
     *     {@code innerHtml} inside a {@code div}
     */
    public static Element parseFragment(String innerHtml) {
        Element root = new Element("div");
        root.appendChildren(parseFragment(innerHtml, root));
        return root;
    }

    /**
     * Parses the render of one element, such as a component's.
     *
     * @param outerHtml markup of exactly one element, without anything around it
     * @return a detached element of the tag a browser needs as the parent to parse that element
     *     as written ({@code tbody} for a {@code tr}, {@code select} for an {@code option}...),
     *     whose only child is the element
     * @throws IllegalArgumentException if the markup is not one element
     */
    public static Element parseElement(String outerHtml) {
        Element root = new Element(parentTagOf(outerHtml));
        root.appendChildren(parseFragment(outerHtml, root));
        if (root.childNodeSize() != 1 || !(root.childNode(0) instanceof Element)) {
            String start = outerHtml.length() > 80 ? outerHtml.substring(0, 80) + "..." : outerHtml;
            throw new IllegalArgumentException("expected the markup of exactly one element, with nothing around it, not: " + start);
        }
        return root;
    }

    /** The parent tag under which the HTML parser keeps the markup's first tag as written. */
    private static String parentTagOf(String html) {
        int end = 1;
        while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        String tag = html.startsWith("<") ? html.substring(1, end).toLowerCase(Locale.ROOT) : "";
        return switch (tag) {
            case "tr" -> "tbody";
            case "td", "th" -> "tr";
            case "tbody", "thead", "tfoot", "caption", "colgroup" -> "table";
            case "col" -> "colgroup";
            case "option", "optgroup" -> "select";
            default -> "div";
        };
    }

    /**
     * Parses {@code html} as the browser does when it is set as the inner HTML of
     * {@code context}; the context is not modified.
     */
    static List<Node> parseFragment(String html, Element context) {
        String source = html.indexOf('\r') < 0 ? html : html.replace("\r\n", "\n").replace('\r', '\n');
        List<Node> nodes = Parser.parseFragment(source, context, "");
        if (!source.contains("<?") || !containsProcessingInstruction(nodes)) {
            return nodes;
        }
        // Rare: parse again with positions, to rebuild the browser's comment from the exact source.
        nodes = Parser.htmlParser().setTrackPosition(true).parseFragmentInput(source, context, "");
        Element holder = new Element("div");
        holder.appendChildren(nodes);
        for (ProcessingInstruction pi : holder.nodeStream(ProcessingInstruction.class).toList()) {
            int start = pi.sourceRange().startPos();
            int end = pi.sourceRange().endPos();
            pi.replaceWith(new Comment(source.substring(start + 1, end - 1).replace('\0', '\uFFFD')));
        }
        return new ArrayList<>(holder.childNodes());
    }

    private static boolean containsProcessingInstruction(List<Node> nodes) {
        for (Node node : nodes) {
            if (node.nodeStream(ProcessingInstruction.class).findAny().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Serializes a node with its descendants.
     *
     * @param node an element, text, data or comment node from a tree this class parsed
     * @return markup that parses back, in the context of the node's parent, to an equal node
     */
    public static String outerHtml(Node node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /**
     * Serializes the children of an element.
     *
     * @param element the parent
     * @return markup that parses back, in the context of {@code element}, to equal children
     */
    public static String innerHtml(Element element) {
        StringBuilder out = new StringBuilder();
        writeChildren(element, out);
        return out.toString();
    }

    /** Serializes consecutive siblings into one string, as one insert carries them. */
    static String outerHtml(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            write(node, out);
        }
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node) {
            case Element element -> writeElement(element, out);
            case DataNode data -> out.append(data.getWholeData());
            case TextNode text -> {
                if (text.parent() instanceof Element parent && isRawText(parent)) {
                    out.append(text.getWholeText());
                } else {
                    escape(text.getWholeText(), false, out);
                }
            }
            case Comment comment -> out.append("<!--").append(comment.getData()).append("-->");
            default -> throw new IllegalArgumentException("cannot serialize a " + node.nodeName());
        }
    }

    private static void writeElement(Element element, StringBuilder out) {
        String tag = element.tagName();
        out.append('<').append(tag);
        for (var attribute : element.attributes()) {
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(attribute.getValue(), true, out);
            out.append('"');
        }
        out.append('>');
        if (isHtml(element) && VOID_ELEMENTS.contains(element.normalName())) {
            return;
        }
        if (isHtml(element)
                && NEWLINE_EATING_ELEMENTS.contains(element.normalName())
                && element.childNodeSize() > 0
                && element.childNode(0) instanceof TextNode first
                && first.getWholeText().startsWith("\n")) {
            out.append('\n');
        }
        writeChildren(element, out);
        // Nothing ends a plaintext element: the parser reads any end tag after it as text, so
        // neither it nor an element it closes may have one.
        if (!endsInPlaintext(element)) {
            out.append("</").append(tag).append('>');
        }
    }

    /** Whether a plaintext element is this element or along its chain of last children. */
    private static boolean endsInPlaintext(Element element) {
        for (Element e = element; e != null; ) {
            if (isHtml(e) && e.normalName().equals("plaintext")) {
                return true;
            }
            e = e.childNodeSize() > 0 && e.childNode(e.childNodeSize() - 1) instanceof Element last ? last : null;
        }
        return false;
    }

    private static void writeChildren(Element element, StringBuilder out) {
        for (Node child : element.childNodes()) {
            write(child, out);
        }
    }

    private static boolean isRawText(Element element) {
        return isHtml(element) && RAW_TEXT_ELEMENTS.contains(element.normalName());
    }

    private static boolean isHtml(Element element) {
        return Parser.NamespaceHtml.equals(element.tag().namespace());
    }

    private static void escape(String s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '\u00A0' -> out.append("&nbsp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
