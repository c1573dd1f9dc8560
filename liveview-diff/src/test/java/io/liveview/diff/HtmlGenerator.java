package io.liveview.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates random view templates and random edits of them, for the differential test.
 *
 * <p>A document is a mutable model tree rendered to HTML the way a template engine would: valid
 * markup, but spelled with random variety that must not change the parsed tree (entities or raw
 * characters, quote styles, bare boolean attributes, attribute order, an ignorable newline after
 * {@code <pre>}/{@code <textarea>}), and with structure the parser completes (implied
 * {@code tbody}, omitted end tags fixed per node). Content covers nested lists, keyed tables,
 * forms (text inputs, checkboxes, radios, selects, textareas), whitespace-only text, comments,
 * scripts, SVG, hostile strings, and {@code lv-update} containers.
 *
 * <p>Edits keep the {@code lv-update} contract, so that the patched DOM must equal the parsed new
 * render: nothing inside an {@code ignore} container changes, and {@code append}/{@code prepend}
 * containers only get new id'd items at their end/start or changed existing items. Ids are never
 * reused.
 */
final class HtmlGenerator {

    /** A model node: an element, a text or a comment. */
    static final class G {
        final Kind kind;
        String tag;
        final Map<String, String> attrs = new LinkedHashMap<>();
        final List<G> kids = new ArrayList<>();
        String text;
        /** For text: write carriage returns raw (the parser makes them line feeds) or as &#13;. */
        boolean rawCr;
        /** For li, option, td, th: omit the end tag. For tbody: omit both tags. */
        boolean omitTags;
        Role role = Role.NONE;

        G(Kind kind) {
            this.kind = kind;
        }
    }

    enum Kind { ELEMENT, TEXT, COMMENT }

    enum Role { NONE, STREAM, IGNORE }

    private static final String[] TEXTS = {
        "hello", "a & b", "<script>alert('x')</script>", "\"quoted\" and 'single'", "</li>",
        "</textarea>", "&amp; literally", "&lt;b&gt;", "caf\u00e9", "\u65e5\u672c\u8a9e",
        "\uD83D\uDE00",
        "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "x\u00a0y", "zero\u200bwidth",
        "\u202eevil", "tab\there", "line\nbreak", "cr\r\nlf", "lone\rcr", "]]>", "-->", "<!--",
        "a<b", "a>b", "5 > 3 && 2 < 4", "nul\u0000x", "\u00a9 2024", "=\"x\"", "'", "&", "1", "42"
    };

    private static final String[] SPACES = {" ", "\n", "\n  ", "\n    ", "\t", "  \n  "};

    private static final String[] COMMENTS = {
        " note ", "x", "", " <b>not markup</b> ", " a - b ", " caf\u00e9 \uD83D\uDE00 ", " & ",
        "[if IE]",
        " </li> "
    };

    private static final String[] SCRIPTS = {
        "var a = 1;", "if (a < b && c > d) { x = \"</div>\"; }",
        "console.log('&amp; \u00e9 \uD83D\uDE00');",
        "", "\n  let s = `<b>`;\n"
    };

    private static final String[] ATTR_NAMES = {
        "class", "title", "data-x", "data-info", "aria-label", "lv-click", "lv-value-id", "style"
    };

    private static final String[] BOOLEAN_ATTRS = {"disabled", "hidden", "required"};

    private static final String[] INPUT_TYPES = {"text", "search", "email", "checkbox", "radio"};

    private static final Set<String> VOID = Set.of("input", "br", "img");

    private static final List<Set<String>> SIBLING_TAGS = List.of(
            Set.of("b", "i", "em", "span"), Set.of("div", "section"), Set.of("ul", "ol"),
            Set.of("td", "th"));

    private static final int IN_A = 1;
    private static final int IN_FORM = 2;
    private static final int IN_BUTTON = 4;
    private static final int IN_LABEL = 8;

    private final Random r;
    private int ids;

    HtmlGenerator(Random r) {
        this.r = r;
    }

    // ---------------------------------------------------------------- generation

    /** A fresh document: the root div (never rendered itself) and its children. */
    G document() {
        G root = element("div");
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            root.kids.add(flow(3, 0));
        }
        return root;
    }

    private G flow(int depth, int ctx) {
        if (depth <= 0) {
            return phrasing(0, ctx);
        }
        int k = r.nextInt(100);
        if (k < 12) {
            return text(pick(TEXTS));
        } else if (k < 17) {
            return text(pick(SPACES));
        } else if (k < 20) {
            return comment();
        } else if (k < 28) {
            G div = element(r.nextBoolean() ? "div" : "section");
            fill(div, 1 + r.nextInt(3), () -> flow(depth - 1, ctx));
            return maybeKeyed(div, 15);
        } else if (k < 34) {
            G p = element("p");
            fill(p, 1 + r.nextInt(3), () -> phrasing(depth - 1, ctx));
            return p;
        } else if (k < 44) {
            return list(depth, ctx);
        } else if (k < 52) {
            return table(depth, ctx);
        } else if (k < 57 && (ctx & IN_FORM) == 0) {
            return form();
        } else if (k < 60) {
            G pre = element("pre");
            if (r.nextBoolean()) {
                pre.kids.add(text("\n" + pick(TEXTS)));
            }
            fill(pre, r.nextInt(3), () -> phrasing(depth - 1, ctx));
            return pre;
        } else if (k < 63) {
            return textarea();
        } else if (k < 66) {
            return select();
        } else if (k < 69) {
            G script = element(r.nextInt(3) == 0 ? "style" : "script");
            String data = pick(SCRIPTS);
            if (!data.isEmpty()) {
                script.kids.add(text(data));
            }
            return script;
        } else if (k < 72) {
            G ignore = element("div");
            ignore.role = Role.IGNORE;
            ignore.attrs.put("id", "ig" + ids++);
            ignore.attrs.put("lv-update", "ignore");
            fill(ignore, r.nextInt(3), () -> flow(depth - 1, ctx));
            return ignore;
        } else if (k < 77) {
            return stream(depth, ctx);
        } else if (k < 79) {
            G svg = element("svg");
            svg.attrs.put("viewBox", "0 0 " + r.nextInt(100) + " 10");
            fill(svg, r.nextInt(3), this::shape);
            return svg;
        } else {
            return phrasing(depth, ctx);
        }
    }

    private G phrasing(int depth, int ctx) {
        int k = r.nextInt(100);
        if (k < 30 || depth <= 0 && k < 55) {
            return text(pick(TEXTS));
        } else if (k < 36) {
            return text(pick(SPACES));
        } else if (k < 40) {
            return comment();
        } else if (k < 55) {
            return input();
        } else if (k < 58) {
            return element("br");
        } else if (k < 60) {
            G img = element("img");
            img.attrs.put("alt", pick(TEXTS));
            return img;
        } else if (depth <= 0) {
            return text(pick(TEXTS));
        } else if (k < 64 && (ctx & IN_A) == 0) {
            G a = element("a");
            a.attrs.put("href", "/x?a=1&b=" + pick(TEXTS));
            fill(a, 1 + r.nextInt(2), () -> phrasing(depth - 1, ctx | IN_A));
            return a;
        } else if (k < 67 && (ctx & (IN_BUTTON | IN_A)) == 0) {
            G button = element("button");
            button.attrs.put("type", "button");
            fill(button, 1, () -> text(pick(TEXTS)));
            return button;
        } else if (k < 70 && (ctx & (IN_LABEL | IN_BUTTON | IN_A)) == 0) {
            G label = element("label");
            fill(label, 1 + r.nextInt(2), () -> phrasing(depth - 1, ctx | IN_LABEL));
            return label;
        } else {
            G span = element(pick(new String[] {"span", "b", "i", "em"}));
            fill(span, 1 + r.nextInt(3), () -> phrasing(depth - 1, ctx));
            return maybeKeyed(span, 10);
        }
    }

    private G list(int depth, int ctx) {
        G list = element(r.nextBoolean() ? "ul" : "ol");
        boolean spaced = r.nextBoolean();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (spaced) {
                list.kids.add(text("\n  "));
            }
            list.kids.add(item(depth, ctx));
        }
        if (spaced) {
            list.kids.add(text("\n"));
        }
        return list;
    }

    private G item(int depth, int ctx) {
        G li = element("li");
        li.omitTags = r.nextInt(5) == 0;
        fill(li, 1 + r.nextInt(2), () -> r.nextInt(4) == 0 ? flow(depth - 1, ctx) : phrasing(0, ctx));
        return maybeKeyed(li, 70);
    }

    private G table(int depth, int ctx) {
        G table = element("table");
        boolean spaced = r.nextBoolean();
        int columns = 1 + r.nextInt(3);
        if (r.nextInt(3) == 0) {
            G head = element("thead");
            G tr = element("tr");
            for (int c = 0; c < columns; c++) {
                G th = element("th");
                th.kids.add(text(pick(TEXTS)));
                tr.kids.add(th);
            }
            head.kids.add(tr);
            table.kids.add(head);
        }
        G body = element("tbody");
        body.omitTags = table.kids.isEmpty() && r.nextBoolean();
        int rows = r.nextInt(6);
        for (int i = 0; i < rows; i++) {
            if (spaced) {
                body.kids.add(text("\n  "));
            }
            body.kids.add(row(columns, depth, ctx));
        }
        table.kids.add(body);
        return table;
    }

    private G row(int columns, int depth, int ctx) {
        G tr = element("tr");
        for (int c = 0; c < columns; c++) {
            tr.kids.add(cell(depth, ctx));
        }
        return maybeKeyed(tr, 75);
    }

    private G cell(int depth, int ctx) {
        G td = element(r.nextInt(6) == 0 ? "th" : "td");
        td.omitTags = r.nextInt(5) == 0;
        fill(td, 1 + r.nextInt(2), () -> r.nextInt(5) == 0 ? flow(depth - 1, ctx) : phrasing(0, ctx));
        return td;
    }

    private G form() {
        G form = element("form");
        form.attrs.put("lv-submit", "save");
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            form.kids.add(switch (r.nextInt(5)) {
                case 0 -> textarea();
                case 1 -> select();
                case 2 -> text(pick(SPACES));
                default -> input();
            });
        }
        return form;
    }

    private G input() {
        G input = element("input");
        String type = pick(INPUT_TYPES);
        input.attrs.put("type", type);
        input.attrs.put("name", r.nextBoolean() ? "f" + r.nextInt(3) : pick(TEXTS));
        if (r.nextInt(3) > 0) {
            input.attrs.put("value", pick(TEXTS));
        }
        if ((type.equals("checkbox") || type.equals("radio")) && r.nextBoolean()) {
            input.attrs.put("checked", r.nextBoolean() ? "" : "checked");
        }
        if (r.nextInt(4) == 0) {
            input.attrs.put("placeholder", pick(TEXTS));
        }
        return maybeKeyed(input, 10);
    }

    private G textarea() {
        G textarea = element("textarea");
        textarea.attrs.put("name", "t" + r.nextInt(3));
        String text = textareaText();
        if (!text.isEmpty()) {
            textarea.kids.add(text(text));
        }
        return textarea;
    }

    private String textareaText() {
        return switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "\n" + pick(TEXTS);
            default -> pick(TEXTS) + (r.nextBoolean() ? "\n" + pick(TEXTS) : "");
        };
    }

    private G select() {
        G select = element("select");
        select.attrs.put("name", "s" + r.nextInt(3));
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(6) == 0) {
                G group = element("optgroup");
                group.attrs.put("label", pick(TEXTS));
                fill(group, 1 + r.nextInt(2), this::option);
                select.kids.add(group);
            } else {
                select.kids.add(option());
            }
        }
        return select;
    }

    private G option() {
        G option = element("option");
        option.omitTags = r.nextInt(5) == 0;
        option.attrs.put("value", pick(TEXTS));
        if (r.nextInt(3) == 0) {
            option.attrs.put("selected", r.nextBoolean() ? "" : "selected");
        }
        option.kids.add(text(pick(TEXTS)));
        return option;
    }

    private G stream(int depth, int ctx) {
        G stream = element(r.nextBoolean() ? "ul" : "div");
        stream.role = Role.STREAM;
        stream.attrs.put("id", "st" + ids++);
        stream.attrs.put("lv-update", r.nextBoolean() ? "append" : "prepend");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            stream.kids.add(streamItem(stream, depth, ctx));
        }
        return stream;
    }

    private G streamItem(G stream, int depth, int ctx) {
        G item = element(stream.tag.equals("ul") ? "li" : "div");
        item.attrs.put("id", "m" + ids++);
        fill(item, 1 + r.nextInt(2), () -> phrasing(depth - 1, ctx));
        return item;
    }

    private G shape() {
        G shape = element(r.nextBoolean() ? "circle" : "rect");
        shape.attrs.put("fill", pick(new String[] {"red", "blue", "#0f0"}));
        shape.attrs.put(shape.tag.equals("circle") ? "r" : "width", String.valueOf(r.nextInt(10)));
        return shape;
    }

    /** A child suitable for {@code parent}, or null when the parent takes no new children. */
    private G childFor(G parent, int ctx) {
        return switch (parent.tag) {
            case "ul", "ol" -> r.nextInt(5) == 0 ? text(pick(SPACES)) : item(2, ctx);
            case "tbody", "thead" ->
                    r.nextInt(5) == 0 ? text(pick(SPACES)) : row(columns(parent), 2, ctx);
            case "tr" -> cell(2, ctx);
            case "table" -> r.nextBoolean() ? text(pick(SPACES)) : comment();
            case "select" -> r.nextInt(5) == 0 ? text(pick(SPACES)) : option();
            case "optgroup" -> option();
            case "svg" -> shape();
            case "textarea", "option", "script", "style", "input", "br", "img", "circle", "rect" -> null;
            case "p", "span", "b", "i", "em", "a", "label", "button", "pre" -> phrasing(2, ctx);
            default -> flow(2, ctx);
        };
    }

    private int columns(G section) {
        for (G kid : section.kids) {
            if (kid.kind == Kind.ELEMENT) {
                return Math.max(1, kid.kids.size());
            }
        }
        return 1 + r.nextInt(3);
    }

    // ---------------------------------------------------------------- edits

    /** One place an edit can happen: a node, its parent, and the context flags at the node. */
    private record Site(G node, G parent, int ctx) {}

    /** Applies one to three random edits to the model. */
    void edit(G root) {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<Site> sites = new ArrayList<>();
            collect(root, null, 0, sites);
            List<Site> keyedLists = sites.stream().filter(site -> keyedKids(site.node()) >= 2).toList();
            if (!keyedLists.isEmpty() && r.nextInt(4) == 0) {
                // Reorders of keyed siblings are what moves are for: make them common.
                Site site = keyedLists.get(r.nextInt(keyedLists.size()));
                if (editChildren(site.node(), inner(site.node(), site.ctx()))) {
                    continue;
                }
            }
            for (int attempt = 0; attempt < 20; attempt++) {
                if (editAt(sites.get(r.nextInt(sites.size())), root)) {
                    break;
                }
            }
        }
    }

    private void collect(G node, G parent, int ctx, List<Site> sites) {
        sites.add(new Site(node, parent, ctx));
        if (node.kind != Kind.ELEMENT || node.role == Role.IGNORE) {
            return;
        }
        if (Set.of("textarea", "option", "script", "style").contains(node.tag)) {
            return;
        }
        for (G kid : node.kids) {
            collect(kid, node, inner(node, ctx), sites);
        }
    }

    /** The context flags that hold inside {@code node}, given those at the node. */
    private static int inner(G node, int ctx) {
        return switch (node.tag) {
            case "a" -> ctx | IN_A;
            case "form" -> ctx | IN_FORM;
            case "button" -> ctx | IN_BUTTON;
            case "label" -> ctx | IN_LABEL;
            default -> ctx;
        };
    }

    private boolean editAt(Site site, G root) {
        G node = site.node();
        G parent = site.parent();
        boolean streamItem = parent != null && parent.role == Role.STREAM;
        boolean removable = parent != null && !streamItem;
        int k = r.nextInt(100);
        if (k < 8 && removable) {
            parent.kids.remove(node);
            return true;
        }
        if (k < 14 && removable) {
            G fresh = childFor(parent, site.ctx());
            if (fresh == null) {
                return false;
            }
            parent.kids.set(parent.kids.indexOf(node), fresh);
            return true;
        }
        return switch (node.kind) {
            case TEXT -> {
                node.text = whitespaceOnly(parent) ? pick(SPACES) : mutate(node.text);
                yield true;
            }
            case COMMENT -> {
                node.text = pick(COMMENTS);
                yield true;
            }
            case ELEMENT -> node == root ? editChildren(node, 0) : editElement(site, streamItem);
        };
    }

    private boolean editElement(Site site, boolean streamItem) {
        G node = site.node();
        int k = r.nextInt(100);
        if (k < 40) {
            return node.role != Role.IGNORE && editChildren(node, inner(node, site.ctx()));
        } else if (k < 60) {
            return editForm(node);
        } else if (k < 70) {
            for (Set<String> tags : SIBLING_TAGS) {
                if (tags.contains(node.tag) && node.role == Role.NONE) {
                    node.tag = pick(tags.toArray(new String[0]));
                    return true;
                }
            }
            return false;
        } else if (k < 78) {
            if (node.role == Role.STREAM) {
                node.attrs.put("lv-update", r.nextBoolean() ? "append" : "prepend");
                return true;
            }
            if (node.role != Role.NONE || streamItem || node.tag.equals("svg")) {
                return false;
            }
            switch (r.nextInt(3)) {
                case 0 -> node.attrs.put("id", "g" + ids++);
                case 1 -> node.attrs.put("lv-key", String.valueOf(ids++));
                default -> {
                    node.attrs.remove("id");
                    node.attrs.remove("lv-key");
                }
            }
            return true;
        } else {
            return editAttributes(node);
        }
    }

    private boolean editAttributes(G node) {
        if (node.tag.equals("svg") || node.tag.equals("circle") || node.tag.equals("rect")) {
            node.attrs.put(node.tag.equals("svg") ? "viewBox" : "fill", pick(TEXTS));
            return true;
        }
        List<String> removable = new ArrayList<>();
        for (String name : node.attrs.keySet()) {
            if (!Set.of("id", "lv-key", "lv-update", "type").contains(name)) {
                removable.add(name);
            }
        }
        int k = r.nextInt(10);
        if (k < 3 && !removable.isEmpty()) {
            node.attrs.remove(removable.get(r.nextInt(removable.size())));
        } else if (k < 5) {
            String name = pick(BOOLEAN_ATTRS);
            if (node.attrs.remove(name) == null) {
                node.attrs.put(name, r.nextBoolean() ? "" : name);
            }
        } else if (k < 6) {
            // Same attributes, new order: must not produce any operation.
            List<Map.Entry<String, String>> entries = new ArrayList<>(node.attrs.entrySet());
            Collections.shuffle(entries, r);
            node.attrs.clear();
            entries.forEach(e -> node.attrs.put(e.getKey(), e.getValue()));
        } else {
            node.attrs.put(pick(ATTR_NAMES), pick(TEXTS));
        }
        return true;
    }

    private boolean editForm(G node) {
        switch (node.tag) {
            case "input" -> {
                int k = r.nextInt(10);
                if (k < 4) {
                    node.attrs.put("value", pick(TEXTS));
                } else if (k < 5) {
                    node.attrs.remove("value");
                } else if (k < 8) {
                    if (node.attrs.remove("checked") == null) {
                        node.attrs.put("checked", r.nextBoolean() ? "" : "checked");
                    }
                } else {
                    node.attrs.put("type", pick(INPUT_TYPES));
                }
            }
            case "textarea" -> {
                node.kids.clear();
                String text = textareaText();
                if (!text.isEmpty()) {
                    node.kids.add(text(text));
                }
            }
            case "option" -> {
                if (r.nextBoolean()) {
                    if (node.attrs.remove("selected") == null) {
                        node.attrs.put("selected", r.nextBoolean() ? "" : "selected");
                    }
                } else {
                    node.kids.get(0).text = pick(TEXTS);
                }
            }
            case "script", "style" -> {
                node.kids.clear();
                String data = pick(SCRIPTS);
                if (!data.isEmpty()) {
                    node.kids.add(text(data));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean editChildren(G node, int ctx) {
        List<G> kids = node.kids;
        if (node.role == Role.STREAM) {
            G item = streamItem(node, 2, ctx);
            if (node.attrs.get("lv-update").equals("append")) {
                kids.add(item);
            } else {
                kids.add(0, item);
            }
            return true;
        }
        int k = r.nextInt(10);
        if (k < 4 || kids.size() < 2) {
            int count = k == 0 ? 1 + r.nextInt(3) : 1;
            int at = r.nextInt(3) == 0 ? 0 : r.nextInt(kids.size() + 1);
            for (int i = 0; i < count; i++) {
                G fresh = childFor(node, ctx);
                if (fresh == null) {
                    return false;
                }
                kids.add(at, fresh);
            }
        } else if (k < 6) {
            Collections.shuffle(kids, r);
        } else if (k < 7) {
            Collections.reverse(kids);
        } else if (k < 9) {
            kids.add(r.nextInt(kids.size()), kids.remove(r.nextInt(kids.size())));
        } else {
            Collections.rotate(kids, 1 + r.nextInt(kids.size() - 1));
        }
        return true;
    }

    private static int keyedKids(G node) {
        if (node.role != Role.NONE) {
            return 0;
        }
        int keyed = 0;
        for (G kid : node.kids) {
            if (kid.attrs.containsKey("id") || kid.attrs.containsKey("lv-key")) {
                keyed++;
            }
        }
        return keyed;
    }

    private static boolean whitespaceOnly(G parent) {
        return parent != null
                && Set.of("table", "tbody", "thead", "tr", "ul", "ol", "select").contains(parent.tag);
    }

    private String mutate(String text) {
        return switch (r.nextInt(4)) {
            case 0 -> text + pick(TEXTS);
            case 1 -> pick(TEXTS) + text;
            default -> pick(TEXTS);
        };
    }

    // ---------------------------------------------------------------- rendering

    /** Renders the root's children, as the view's template would. */
    String render(G root) {
        StringBuilder out = new StringBuilder();
        for (G kid : root.kids) {
            render(kid, root, out);
        }
        return out.toString();
    }

    private void render(G node, G parent, StringBuilder out) {
        switch (node.kind) {
            case TEXT -> {
                switch (parent.tag) {
                    case "script", "style" -> out.append(node.text);
                    case "textarea" -> out.append(node.text.replace("&", "&amp;").replace("<", "&lt;"));
                    default -> escapeText(node, out);
                }
            }
            case COMMENT -> out.append("<!--").append(node.text).append("-->");
            case ELEMENT -> {
                boolean tags = !(node.tag.equals("tbody") && node.omitTags);
                if (tags) {
                    out.append('<').append(node.tag);
                    List<Map.Entry<String, String>> attrs = new ArrayList<>(node.attrs.entrySet());
                    if (r.nextInt(3) == 0) {
                        Collections.shuffle(attrs, r);
                    }
                    for (Map.Entry<String, String> a : attrs) {
                        renderAttribute(a.getKey(), a.getValue(), out);
                    }
                    out.append('>');
                }
                if (VOID.contains(node.tag)) {
                    return;
                }
                if (node.tag.equals("pre") || node.tag.equals("textarea")) {
                    boolean leadingNewline = !node.kids.isEmpty()
                            && node.kids.get(0).kind == Kind.TEXT
                            && node.kids.get(0).text.startsWith("\n");
                    // The parser drops one newline right after the start tag.
                    if (leadingNewline || r.nextInt(3) == 0) {
                        out.append('\n');
                    }
                }
                for (G kid : node.kids) {
                    render(kid, node, out);
                }
                if (tags && !node.omitTags) {
                    out.append("</").append(node.tag).append('>');
                }
            }
        }
    }

    private void renderAttribute(String name, String value, StringBuilder out) {
        out.append(' ').append(name);
        if (value.isEmpty() && r.nextBoolean()) {
            return;
        }
        int style = r.nextInt(3);
        if (style == 0 && value.matches("[A-Za-z0-9_.-]+")) {
            out.append('=').append(value);
            return;
        }
        char quote = style == 1 ? '\'' : '"';
        out.append('=').append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append(r.nextBoolean() ? "&amp;" : "&#38;");
                case '\r' -> out.append("&#13;");
                case '\u00a0' -> out.append(r.nextBoolean() ? "&nbsp;" : "\u00a0");
                default -> {
                    if (c == quote) {
                        out.append(quote == '"' ? "&quot;" : "&#39;");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(quote);
    }

    private void escapeText(G node, StringBuilder out) {
        String text = node.text;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append(pick(new String[] {"&amp;", "&#38;", "&#x26;"}));
                case '<' -> out.append(r.nextBoolean() ? "&lt;" : "&#60;");
                case '>' -> out.append(r.nextBoolean() ? "&gt;" : ">");
                case '\r' -> out.append(node.rawCr ? "\r" : "&#13;");
                case '\u00a0' -> out.append(pick(new String[] {"&nbsp;", "&#160;", "\u00a0"}));
                case '\u00e9' -> out.append(r.nextBoolean() ? "&eacute;" : "\u00e9");
                default -> {
                    if (c > 0x7f && r.nextInt(5) == 0) {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private G element(String tag) {
        G g = new G(Kind.ELEMENT);
        g.tag = tag;
        return g;
    }

    private G text(String text) {
        G g = new G(Kind.TEXT);
        g.text = text;
        g.rawCr = r.nextBoolean();
        return g;
    }

    private G comment() {
        G g = new G(Kind.COMMENT);
        g.text = pick(COMMENTS);
        return g;
    }

    private G maybeKeyed(G element, int percent) {
        if (r.nextInt(100) < percent) {
            if (r.nextInt(4) == 0) {
                element.attrs.put("lv-key", String.valueOf(ids++));
            } else {
                element.attrs.put("id", "g" + ids++);
            }
        }
        return element;
    }

    private void fill(G parent, int n, java.util.function.Supplier<G> child) {
        for (int i = 0; i < n; i++) {
            parent.kids.add(child.get());
        }
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }
}
