package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Test helpers to compare trees the way the browser would see them.
 *
 * <p>Normalization: trees are compared node by node, in order. An element is its namespace,
 * tag name, attributes as a set of name/value pairs (order ignored) and children; the
 * {@code checked} attribute of an {@code input} and {@code selected} of an {@code option} count
 * by presence only (the client sets them through {@code defaultChecked}/{@code defaultSelected},
 * which writes an empty value). Text and data nodes are the same kind (the browser has only text
 * nodes) and compare by their data; comments by their data. Adjacent text nodes are not merged,
 * so a patch must build exactly the parser's text nodes.
 */
final class Trees {

    private Trees() {}

    /** Asserts the children of both roots are equal under the normalization above. */
    static void assertSameTree(Element expected, Element actual) {
        assertEquals(canonical(expected), canonical(actual));
    }

    /** A line per node, indented by depth, with the normalization above. */
    static String canonical(Element root) {
        StringBuilder out = new StringBuilder();
        for (Node child : root.childNodes()) {
            write(child, 0, out);
        }
        return out.toString();
    }

    /** Applies a patch to the parsed old HTML and asserts the result is the parsed new HTML. */
    static void assertPatchTransforms(String oldHtml, Patch patch, String newHtml) {
        Element dom = Html.parseFragment(oldHtml);
        PatchApplier.apply(patch, dom);
        assertSameTree(Html.parseFragment(newHtml), dom);
    }

    private static void write(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
        switch (node) {
            case Element e -> {
                out.append('<').append(e.tag().namespace()).append(' ').append(e.tagName());
                Map<String, String> attributes = new TreeMap<>();
                e.attributes().forEach(a -> attributes.put(a.getKey(), a.getValue()));
                attributes.forEach((name, value) -> {
                    out.append(' ').append(name);
                    boolean presenceOnly = Differ.isHtml(e, "input") && name.equals("checked")
                            || Differ.isHtml(e, "option") && name.equals("selected");
                    if (!presenceOnly) {
                        out.append("=\"").append(visible(value)).append('"');
                    }
                });
                out.append(">\n");
                for (Node child : e.childNodes()) {
                    write(child, depth + 1, out);
                }
            }
            case TextNode t -> out.append("#text \"").append(visible(t.getWholeText())).append("\"\n");
            case DataNode d -> out.append("#text \"").append(visible(d.getWholeData())).append("\"\n");
            case Comment c -> out.append("#comment \"").append(visible(c.getData())).append("\"\n");
            default -> out.append("#").append(node.nodeName()).append('\n');
        }
    }

    /** Makes control characters and non-ASCII visible, so a failing comparison reads well. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\\' || c == '"') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u{%x}", c));
            }
        });
        return out.toString();
    }
}
