package io.liveview.diff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * A parsed render packed into one byte array: what a {@link Snapshot} retains.
 *
 * <p>A parsed tree costs about eight times its HTML in objects; re-parsing the HTML at every
 * diff costs as much time as the parse of the new render. The packed form is as small as the
 * HTML (usually smaller), and the differ reads it directly ({@link PackedNode}) without building
 * any tree. Nodes are written in document order:
 *
 * <pre>
 * element  := kind(ELEMENT_*) [string namespace, if ELEMENT_OTHER] name varint contentLength
 *             varint attributeCount (name string)* varint childCount node*
 * text     := kind(TEXT) string | kind(INDENT) varint spaces   ("\n" and that many spaces)
 *             | kind(CDATA) string
 * data     := kind(DATA) string
 * comment  := kind(COMMENT) string
 * name     := varint code, then a string if the code is 0 (else {@link #NAMES}[code - 1])
 * contentLength := the number of bytes that follow it up to the element's end
 * string   := varint byteLength, UTF-8 bytes
 * </pre>
 *
 * <p>The content length lets a reader step over a subtree without reading it. The packing is
 * canonical: equal trees with attributes in the same order pack to equal bytes, so the differ
 * can skip an unchanged subtree by comparing two byte ranges.
 */
final class PackedTree {

    static final int ELEMENT_HTML = 1;
    static final int ELEMENT_SVG = 2;
    static final int ELEMENT_MATHML = 3;
    static final int ELEMENT_OTHER = 4;
    static final int TEXT = 5;
    static final int INDENT = 6;
    static final int DATA = 7;
    static final int COMMENT = 8;
    static final int CDATA = 9;

    /** Frequent tag and attribute names, written as one byte instead of their letters. */
    static final String[] NAMES = {
            "a", "abbr", "article", "aside", "b", "blockquote", "br", "button", "caption", "code",
            "col", "colgroup", "dd", "details", "dialog", "div", "dl", "dt", "em", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "i", "img", "input", "label", "legend", "li", "main", "mark", "nav", "ol",
            "optgroup", "option", "p", "path", "pre", "section", "select", "small", "span", "strong",
            "summary", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
            "time", "tr", "u", "ul",
            "action", "alt", "aria-label", "checked", "class", "colspan", "d", "data-id", "disabled",
            "fill", "for", "height", "hidden", "href", "id", "lv-change", "lv-click", "lv-key",
            "lv-submit", "lv-update", "lv-value-id", "max", "method", "min", "multiple", "name",
            "placeholder", "readonly", "rel", "required", "role", "rowspan", "selected", "src",
            "style", "tabindex", "target", "title", "type", "value", "viewBox", "width"};

    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        for (int i = 0; i < NAMES.length; i++) {
            CODES.put(NAMES[i], i + 1);
        }
    }

    private PackedTree() {}

    /**
     * A packed tree with the position of each node, as the differ needs them for the new render.
     *
     * @param bytes the packed tree
     * @param starts for each node in document order (the root is 0), where it starts in
     *     {@code bytes}; the entry after the last node's is {@code bytes.length}
     * @param sizes for each node in document order, the number of nodes of its subtree
     */
    record Packing(byte[] bytes, int[] starts, int[] sizes) {

        /** Where node {@code index} ends in {@link #bytes}. */
        int end(int index) {
            return starts[index + sizes[index]];
        }
    }

    /**
     * Packs a tree.
     *
     * @param root an element from {@link Html#parseFragment}
     * @param htmlLength the length of the HTML it was parsed from: the packing is about as long
     * @return its packing
     * @throws IllegalArgumentException for a node {@link Html} cannot serialize either
     */
    static Packing pack(Element root, int htmlLength) {
        Writer writer = new Writer(htmlLength);
        writer.node(root);
        writer.starts[writer.count] = writer.length;
        return new Packing(Arrays.copyOf(writer.bytes, writer.length), writer.starts, writer.sizes);
    }

    /**
     * Packs consecutive siblings, one after the other, as they are packed inside their parent.
     *
     * @param nodes the siblings
     * @param htmlLength the length of the HTML they were parsed from
     * @return their packings, concatenated
     */
    static byte[] pack(List<Node> nodes, int htmlLength) {
        Writer writer = new Writer(htmlLength);
        for (Node node : nodes) {
            writer.node(node);
        }
        return Arrays.copyOf(writer.bytes, writer.length);
    }

    /**
     * Rebuilds the tree of a packing.
     *
     * @param bytes a packed tree
     * @return a detached copy of the packed root
     */
    static Element unpack(byte[] bytes) {
        return (Element) new Reader(bytes).node();
    }

    /** Rebuilds the subtree of the node that starts at {@code start} of a packing. */
    static Node unpack(byte[] bytes, int start) {
        return new Reader(bytes, start).node();
    }

    /** Rebuilds the element that starts at {@code start}, with its attributes but no children. */
    static Element shell(byte[] bytes, int start) {
        Reader reader = new Reader(bytes, start);
        return reader.element(reader.kind());
    }

    /**
     * The node positions of a packed tree, as {@link #pack} gives them.
     *
     * @param bytes a packed tree
     * @return its packing
     */
    static Packing index(byte[] bytes) {
        Indexer indexer = new Indexer(bytes);
        indexer.node(0);
        indexer.starts[indexer.count] = bytes.length;
        return new Packing(bytes, indexer.starts, indexer.sizes);
    }

    /**
     * A packed tree with some children of one element replaced: the packing of the tree the
     * replacement makes, as {@link #pack} would write it.
     *
     * @param bytes a packed tree
     * @param path the element and its ancestors, the root first
     * @param from where the replaced children start in {@code bytes}
     * @param to where they end
     * @param children the packing of the children that replace them
     * @param childCount how many children the element then has
     * @return the new packed tree
     */
    static byte[] splice(byte[] bytes, List<PackedNode> path, int from, int to, byte[] children, int childCount) {
        // Content lengths change from the element up: each by the change below it, the sizes of
        // the lengths written below included.
        int[] contents = new int[path.size()];
        int delta = children.length - (to - from)
                + varintSize(childCount) - varintSize(path.getLast().childCount());
        for (int k = path.size() - 1; k >= 0; k--) {
            int content = path.get(k).end() - path.get(k).attributesAt();
            contents[k] = content + delta;
            delta += varintSize(contents[k]) - varintSize(content);
        }
        Writer out = new Writer(bytes.length + delta);
        int copied = 0;
        for (int k = 0; k < path.size(); k++) {
            PackedNode node = path.get(k);
            out.copy(bytes, copied, node.lengthAt());
            out.varint(contents[k]);
            copied = node.attributesAt();
        }
        PackedNode element = path.getLast();
        out.copy(bytes, copied, element.childCountAt());
        out.varint(childCount);
        out.copy(bytes, element.body(), from);
        out.copy(children, 0, children.length);
        out.copy(bytes, to, bytes.length);
        return Arrays.copyOf(out.bytes, out.length);
    }

    private static int varintSize(int value) {
        int size = 1;
        while ((value & ~0x7F) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    /** Reads the node positions of a packed tree, in document order. */
    private static final class Indexer {
        final byte[] bytes;
        int[] starts;
        int[] sizes;
        int count;

        Indexer(byte[] bytes) {
            this.bytes = bytes;
            starts = new int[bytes.length / 4 + 2];
            sizes = new int[starts.length];
        }

        /** Indexes the node at {@code start}; returns where it ends. */
        int node(int start) {
            int index = count++;
            if (count >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                sizes = Arrays.copyOf(sizes, starts.length);
            }
            starts[index] = start;
            Reader reader = new Reader(bytes, start);
            int kind = reader.kind();
            int end;
            if (kind <= ELEMENT_OTHER) {
                if (kind == ELEMENT_OTHER) {
                    reader.skipBytes();
                }
                reader.skipName();
                int content = reader.varint();
                end = reader.position + content;
                for (int a = reader.varint(); a > 0; a--) {
                    reader.skipName();
                    reader.skipBytes();
                }
                int childCount = reader.varint();
                int at = reader.position;
                for (int c = 0; c < childCount; c++) {
                    at = node(at);
                }
            } else {
                reader.skip(kind);
                end = reader.position;
            }
            sizes[index] = count - index;
            return end;
        }
    }

    /** Appends packed nodes to a growing array. */
    private static final class Writer {
        byte[] bytes;
        int length;
        int[] starts;
        int[] sizes;
        int count;

        Writer(int htmlLength) {
            bytes = new byte[htmlLength + 16];
        }

        void node(Node node) {
            if (starts == null) {
                // Templates average more than eight characters of HTML per node.
                starts = new int[bytes.length / 8 + 16];
                sizes = new int[starts.length];
            }
            int index = count++;
            if (index + 1 >= starts.length) {
                // One entry to spare for the end of the last node.
                starts = Arrays.copyOf(starts, starts.length * 2);
                sizes = Arrays.copyOf(sizes, starts.length);
            }
            starts[index] = length;
            switch (node) {
                case Element element -> element(element);
                case CDataNode cdata -> {
                    write(CDATA);
                    string(cdata.getWholeText());
                }
                case TextNode text -> text(text.getWholeText());
                case DataNode data -> {
                    write(DATA);
                    string(data.getWholeData());
                }
                case Comment comment -> {
                    write(COMMENT);
                    string(comment.getData());
                }
                default -> throw new IllegalArgumentException("cannot pack a " + node.nodeName());
            }
            sizes[index] = count - index;
        }

        private void element(Element element) {
            String namespace = element.tag().namespace();
            switch (namespace) {
                case Parser.NamespaceHtml -> write(ELEMENT_HTML);
                case Parser.NamespaceSvg -> write(ELEMENT_SVG);
                case Parser.NamespaceMathml -> write(ELEMENT_MATHML);
                default -> {
                    write(ELEMENT_OTHER);
                    string(namespace);
                }
            }
            name(element.tagName());
            int lengthAt = length;
            int firstDescendant = count;
            write(0);
            Attributes attributes = element.attributes();
            varint(attributes.size());
            for (Attribute attribute : attributes) {
                name(attribute.getKey());
                string(attribute.getValue());
            }
            // A stream's items live in the client only: the server keeps none of them (Differ).
            boolean stream = Differ.isStream(element);
            varint(stream ? 0 : element.childNodeSize());
            if (!stream) {
                for (Node child : element.childNodes()) {
                    node(child);
                }
            }
            int content = length - lengthAt - 1;
            int extra = varintSize(content) - 1;
            if (extra > 0) {
                // The length is known only now: make room for its other bytes, moving the content.
                ensure(extra);
                System.arraycopy(bytes, lengthAt + 1, bytes, lengthAt + 1 + extra, content);
                length += extra;
                for (int i = firstDescendant; i < count; i++) {
                    starts[i] += extra;
                }
            }
            int end = length;
            length = lengthAt;
            varint(content);
            length = end;
        }

        private void text(String text) {
            if (isIndent(text)) {
                write(INDENT);
                varint(text.length() - 1);
            } else {
                write(TEXT);
                string(text);
            }
        }

        private static boolean isIndent(String text) {
            if (text.isEmpty() || text.charAt(0) != '\n') {
                return false;
            }
            for (int i = 1; i < text.length(); i++) {
                if (text.charAt(i) != ' ') {
                    return false;
                }
            }
            return true;
        }

        private void name(String name) {
            Integer code = CODES.get(name);
            if (code != null) {
                varint(code);
            } else {
                write(0);
                string(name);
            }
        }

        private void string(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    varint(utf8.length);
                    ensure(utf8.length);
                    System.arraycopy(utf8, 0, bytes, length, utf8.length);
                    length += utf8.length;
                    return;
                }
            }
            // ASCII, the common case: its UTF-8 is its chars, no intermediate array needed.
            varint(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        void copy(byte[] from, int start, int end) {
            ensure(end - start);
            System.arraycopy(from, start, bytes, length, end - start);
            length += end - start;
        }

        private void varint(int value) {
            while ((value & ~0x7F) != 0) {
                write((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write(value);
        }

        private void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Reads packed nodes from a position on; shared by {@link #unpack} and {@link PackedNode}. */
    static final class Reader {
        final byte[] bytes;
        int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int kind() {
            return bytes[position++];
        }

        int varint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        String name() {
            int code = varint();
            return code == 0 ? string() : NAMES[code - 1];
        }

        String string() {
            int n = varint();
            String s = new String(bytes, position, n, StandardCharsets.UTF_8);
            position += n;
            return s;
        }

        /** Reads the namespace of an element of the given kind. */
        String namespace(int kind) {
            return switch (kind) {
                case ELEMENT_HTML -> Parser.NamespaceHtml;
                case ELEMENT_SVG -> Parser.NamespaceSvg;
                case ELEMENT_MATHML -> Parser.NamespaceMathml;
                default -> string();
            };
        }

        /** Moves past the rest of a node whose kind was just read. */
        void skip(int kind) {
            switch (kind) {
                case TEXT, DATA, COMMENT, CDATA -> skipBytes();
                case INDENT -> varint();
                default -> {
                    if (kind == ELEMENT_OTHER) {
                        skipBytes();
                    }
                    skipName();
                    skipBytes();
                }
            }
        }

        void skipName() {
            if (varint() == 0) {
                skipBytes();
            }
        }

        /** Moves past a length and that many bytes. */
        void skipBytes() {
            int n = varint();
            position += n;
        }

        /** Reads the data of a text node whose kind was just read. */
        String text(int kind) {
            return kind == INDENT ? "\n" + " ".repeat(varint()) : string();
        }

        Node node() {
            int kind = kind();
            return switch (kind) {
                case TEXT, INDENT -> new TextNode(text(kind));
                case CDATA -> new CDataNode(string());
                case DATA -> new DataNode(string());
                case COMMENT -> new Comment(string());
                default -> {
                    Element element = element(kind);
                    for (int c = varint(); c > 0; c--) {
                        element.appendChild(node());
                    }
                    yield element;
                }
            };
        }

        /** Reads an element whose kind was just read, up to its child count. */
        Element element(int kind) {
            String namespace = namespace(kind);
            Element element = new Element(Tag.valueOf(name(), namespace, ParseSettings.preserveCase), "");
            varint();
            for (int a = varint(); a > 0; a--) {
                element.attributes().put(name(), string());
            }
            return element;
        }
    }
}
