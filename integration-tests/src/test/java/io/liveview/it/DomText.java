package io.liveview.it;

import io.liveview.diff.Html;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A tree as text, one line per node, indented by depth: the same format for the tree the browser
 * holds ({@link #READ}, run in the page) and for the tree expected from the HTML ({@link #expected},
 * from the project's jsoup parse), so that a failing comparison shows the first differing node.
 *
 * <p>An element line is its namespace, its local name, its attributes sorted by name (the
 * {@code checked} attribute of an {@code input} and {@code selected} of an {@code option} by
 * presence only: the client writes them through {@code defaultChecked}/{@code defaultSelected},
 * which sets an empty value), then the live form state: {@code .value} and {@code .checked} of an
 * {@code input}, {@code .value} of a {@code textarea} and a {@code select}, {@code .selected} of
 * an {@code option}. Text nodes (also script and style data) and comments are their data.
 * Adjacent text nodes are not merged. Strings are quoted, with non-ASCII and control characters
 * written as a backslash, {@code u} and the code point in hex in braces.
 *
 * <p>The expected form state is what the browser gives a freshly parsed fragment (HTML standard,
 * "the input element", "the select element", "the option element"), for HTML without radio
 * buttons that share a group, as {@link io.liveview.diff.RandomRenders} generates it (checking
 * one radio unchecks the others of its group):
 * <ul>
 *   <li>{@code input.value}: for {@code checkbox} and {@code radio} the {@code value} attribute,
 *       or {@code "on"} without one; for every other type the attribute or {@code ""}, sanitized:
 *       line feeds and carriage returns removed, and for {@code email} leading and trailing ASCII
 *       whitespace too;
 *   <li>{@code input.checked}: whether it has a {@code checked} attribute;
 *   <li>{@code textarea.value}: its text;
 *   <li>{@code option.selected}, in a {@code select} without {@code multiple} or {@code size}
 *       (the only kind generated): the last option with a {@code selected} attribute; without
 *       any, the first option that is not disabled (neither it nor its {@code optgroup} has
 *       {@code disabled}); no other option;
 *   <li>{@code select.value}: the value of its selected option (its {@code value} attribute, else
 *       its text with ASCII whitespace stripped and collapsed), or {@code ""} if none is.
 * </ul>
 */
final class DomText {

    /** A page function: the text of the children of the element it is given. */
    static final String READ = """
            parent => {
              const HTML = 'http://www.w3.org/1999/xhtml';
              const visible = s => {
                let out = '';
                for (const ch of s) {
                  const c = ch.codePointAt(0);
                  out += c === 0x5c || c === 0x22 ? '\\\\' + ch : c >= 0x20 && c < 0x7f ? ch : '\\\\u{' + c.toString(16) + '}';
                }
                return '"' + out + '"';
              };
              let out = '';
              const write = (n, depth) => {
                out += '  '.repeat(depth);
                if (n.nodeType === Node.ELEMENT_NODE) {
                  const html = n.namespaceURI === HTML;
                  const tag = n.localName;
                  out += '<' + n.namespaceURI + ' ' + tag;
                  for (const name of [...n.attributes].map(a => a.name).sort()) {
                    const presenceOnly = html && (tag === 'input' && name === 'checked' || tag === 'option' && name === 'selected');
                    out += ' ' + name + (presenceOnly ? '' : '=' + visible(n.getAttribute(name)));
                  }
                  out += '>';
                  if (html && tag === 'input') out += ' .value=' + visible(n.value) + ' .checked=' + n.checked;
                  else if (html && (tag === 'textarea' || tag === 'select')) out += ' .value=' + visible(n.value);
                  else if (html && tag === 'option') out += ' .selected=' + n.selected;
                  out += '\\n';
                  for (const c of n.childNodes) write(c, depth + 1);
                } else if (n.nodeType === Node.TEXT_NODE) {
                  out += '#text ' + visible(n.data) + '\\n';
                } else if (n.nodeType === Node.COMMENT_NODE) {
                  out += '#comment ' + visible(n.data) + '\\n';
                } else {
                  out += '#' + n.nodeName + '\\n';
                }
              };
              for (const c of parent.childNodes) write(c, 0);
              return out;
            }""";

    private DomText() {
    }

    /** The text of the tree a browser builds for {@code innerHtml} inside a {@code div}. */
    static String expected(String innerHtml) {
        Element root = Html.parseFragment(innerHtml);
        Set<Element> selected = new HashSet<>();
        for (Element select : root.getElementsByTag("select")) {
            selected.addAll(selectedOptions(select));
        }
        StringBuilder out = new StringBuilder();
        for (Node child : root.childNodes()) {
            write(child, 0, selected, out);
        }
        return out.toString();
    }

    private static void write(Node node, int depth, Set<Element> selected, StringBuilder out) {
        out.append("  ".repeat(depth));
        switch (node) {
            case Element e -> {
                boolean html = Parser.NamespaceHtml.equals(e.tag().namespace());
                String tag = e.tagName();
                out.append('<').append(e.tag().namespace()).append(' ').append(tag);
                Map<String, String> attributes = new TreeMap<>();
                e.attributes().forEach(a -> attributes.put(a.getKey(), a.getValue()));
                attributes.forEach((name, value) -> {
                    out.append(' ').append(name);
                    boolean presenceOnly = html && (tag.equals("input") && name.equals("checked")
                            || tag.equals("option") && name.equals("selected"));
                    if (!presenceOnly) {
                        out.append('=').append(visible(value));
                    }
                });
                out.append('>');
                if (html) {
                    switch (tag) {
                        case "input" -> out.append(" .value=").append(visible(inputValue(e)))
                                .append(" .checked=").append(e.hasAttr("checked"));
                        case "textarea" -> out.append(" .value=").append(visible(e.wholeText()));
                        case "select" -> out.append(" .value=").append(visible(selectedOptions(e).stream()
                                .findFirst().map(DomText::optionValue).orElse("")));
                        case "option" -> out.append(" .selected=").append(selected.contains(e));
                        default -> { }
                    }
                }
                out.append('\n');
                for (Node child : e.childNodes()) {
                    write(child, depth + 1, selected, out);
                }
            }
            case TextNode t -> out.append("#text ").append(visible(t.getWholeText())).append('\n');
            case DataNode d -> out.append("#text ").append(visible(d.getWholeData())).append('\n');
            case Comment c -> out.append("#comment ").append(visible(c.getData())).append('\n');
            default -> out.append('#').append(node.nodeName()).append('\n');
        }
    }

    private static String inputValue(Element input) {
        String type = input.attr("type").toLowerCase(Locale.ROOT);
        if (type.equals("checkbox") || type.equals("radio")) {
            return input.hasAttr("value") ? input.attr("value") : "on";
        }
        String value = input.attr("value").replace("\n", "").replace("\r", "");
        return type.equals("email") ? value.replaceAll("^[\\t\\n\\f\\r ]+|[\\t\\n\\f\\r ]+$", "") : value;
    }

    /** The selected options of a select without {@code multiple}: none or one. */
    private static List<Element> selectedOptions(Element select) {
        List<Element> options = new ArrayList<>();
        for (Element child : select.children()) {
            if (child.nameIs("option")) {
                options.add(child);
            } else if (child.nameIs("optgroup")) {
                options.addAll(child.children().stream().filter(o -> o.nameIs("option")).toList());
            }
        }
        for (Element option : options.reversed()) {
            if (option.hasAttr("selected")) {
                return List.of(option);
            }
        }
        for (Element option : options) {
            boolean disabled = option.hasAttr("disabled")
                    || option.parent().nameIs("optgroup") && option.parent().hasAttr("disabled");
            if (!disabled) {
                return List.of(option);
            }
        }
        return List.of();
    }

    private static String optionValue(Element option) {
        return option.hasAttr("value")
                ? option.attr("value")
                : option.wholeText().replaceAll("[\\t\\n\\f\\r ]+", " ").replaceAll("^ | $", "");
    }

    /** Quotes a string as {@link #READ} does. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '\\' || c == '"') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append("\\u{").append(Integer.toHexString(c)).append('}');
            }
        });
        return out.append('"').toString();
    }
}
