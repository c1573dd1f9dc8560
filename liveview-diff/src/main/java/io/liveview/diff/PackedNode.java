package io.liveview.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One node of a {@link PackedTree}, read in place: the differ's view of the previous render.
 * Reading a node decodes its own kind, name and attributes only; text is decoded on demand and
 * children when asked for.
 *
 * <p>Attribute look-ups mirror jsoup's: {@link #attr} and {@link #hasAttr} ignore case, like
 * {@code Node.attr} and {@code Node.hasAttr}; {@link #hasKey} and {@link #get} do not, like
 * {@code Attributes.hasKey} and {@code Attributes.get}.
 */
final class PackedNode {

    private final byte[] bytes;
    private final int start;
    private final int kind;
    private final int end;
    /** For elements: where the children start; for text, data and comments: where the data is. */
    private final int body;
    private String name = "";
    private String namespace = "";
    /** For elements: where the content length, the attributes and the child count are. */
    private int lengthAt;
    private int attributesAt;
    private int childCountAt;
    /** Name and value pairs, read on first use: most old nodes are only compared as bytes. */
    private String[] attributes;
    private int childCount;

    private PackedNode(byte[] bytes, int start) {
        this.bytes = bytes;
        this.start = start;
        PackedTree.Reader reader = new PackedTree.Reader(bytes, start);
        kind = reader.kind();
        if (isElement()) {
            namespace = reader.namespace(kind);
            name = reader.name();
            lengthAt = reader.position;
            int content = reader.varint();
            end = reader.position + content;
            attributesAt = reader.position;
            for (int a = reader.varint(); a > 0; a--) {
                reader.skipName();
                reader.skipBytes();
            }
            childCountAt = reader.position;
            childCount = reader.varint();
            body = reader.position;
        } else {
            body = reader.position;
            reader.skip(kind);
            end = reader.position;
        }
    }

    /**
     * The root of a packed tree.
     *
     * @param bytes a packed tree
     * @return its root element
     */
    static PackedNode root(byte[] bytes) {
        return new PackedNode(bytes, 0);
    }

    /** The node that starts at {@code start} of a packed tree. */
    static PackedNode at(byte[] bytes, int start) {
        return new PackedNode(bytes, start);
    }

    /** Where this node starts in the packing. */
    int start() {
        return start;
    }

    /** Where this node ends in the packing: where its next sibling starts. */
    int end() {
        return end;
    }

    /** Where an element's first child starts (its content ends at {@link #end}). */
    int body() {
        return body;
    }

    /** Where an element's content length is written: the length counts from after it. */
    int lengthAt() {
        return lengthAt;
    }

    /** Where an element's attributes are written: its content length counts from there. */
    int attributesAt() {
        return attributesAt;
    }

    /** Where an element's child count is written. */
    int childCountAt() {
        return childCountAt;
    }

    boolean isElement() {
        return kind <= PackedTree.ELEMENT_OTHER;
    }

    /** Whether this is a text or data node (jsoup's {@code TextNode} or {@code DataNode}). */
    boolean isText() {
        return isTextNode() || kind == PackedTree.DATA;
    }

    /** Whether jsoup built a {@code TextNode} (or its subclass {@code CDataNode}) for this. */
    private boolean isTextNode() {
        return kind == PackedTree.TEXT || kind == PackedTree.INDENT || kind == PackedTree.CDATA;
    }

    /** A node other than an element: jsoup's {@code nodeName()} for it. */
    String kindName() {
        return switch (kind) {
            case PackedTree.TEXT, PackedTree.INDENT -> "#text";
            case PackedTree.CDATA -> "#cdata";
            case PackedTree.DATA -> "#data";
            case PackedTree.COMMENT -> "#comment";
            default -> throw new IllegalStateException("an element has a tag name, not a kind");
        };
    }

    boolean isComment() {
        return kind == PackedTree.COMMENT;
    }

    /** The element's tag name as jsoup gives it ({@code Element.tagName()}), else "". */
    String tagName() {
        return name;
    }

    /** The element's namespace, else "". */
    String namespace() {
        return namespace;
    }

    /** The data of a text, data or comment node. */
    String data() {
        return new PackedTree.Reader(bytes, body).text(kind);
    }

    /** The number of children of an element. */
    int childCount() {
        return childCount;
    }

    /** The number of attributes of an element. */
    int attributeCount() {
        return attributes().length / 2;
    }

    String attributeName(int i) {
        return attributes()[2 * i];
    }

    String attributeValue(int i) {
        return attributes()[2 * i + 1];
    }

    private String[] attributes() {
        if (attributes == null) {
            PackedTree.Reader reader = new PackedTree.Reader(bytes, attributesAt);
            attributes = new String[isElement() ? 2 * reader.varint() : 0];
            for (int a = 0; a < attributes.length; a += 2) {
                attributes[a] = reader.name();
                attributes[a + 1] = reader.string();
            }
        }
        return attributes;
    }

    /** Whether the element has the attribute, the name's case ignored. */
    boolean hasAttr(String key) {
        return indexOf(key, true) >= 0;
    }

    /** The attribute's value, the name's case ignored; "" if absent. */
    String attr(String key) {
        int i = indexOf(key, true);
        return i < 0 ? "" : attributes[i + 1];
    }

    /** Whether the element has an attribute of exactly this name. */
    boolean hasKey(String key) {
        return indexOf(key, false) >= 0;
    }

    /** The value of the attribute of exactly this name; "" if absent. */
    String get(String key) {
        int i = indexOf(key, false);
        return i < 0 ? "" : attributes[i + 1];
    }

    private int indexOf(String key, boolean ignoreCase) {
        String[] attributes = attributes();
        for (int i = 0; i < attributes.length; i += 2) {
            if (ignoreCase ? attributes[i].equalsIgnoreCase(key) : attributes[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The element's children, read from the packing. */
    List<PackedNode> children() {
        List<PackedNode> children = new ArrayList<>(childCount);
        int at = body;
        for (int c = 0; c < childCount; c++) {
            PackedNode child = new PackedNode(bytes, at);
            children.add(child);
            at = child.end;
        }
        return children;
    }

    /** The element's text as jsoup's {@code Element.wholeText()} gives it. */
    String wholeText() {
        StringBuilder text = new StringBuilder();
        appendWholeText(text);
        return text.toString();
    }

    private void appendWholeText(StringBuilder text) {
        if (isTextNode()) {
            text.append(data());
        } else if (isElement()) {
            if (name.equalsIgnoreCase("br")) {
                text.append('\n');
            }
            for (PackedNode child : children()) {
                child.appendWholeText(text);
            }
        }
    }

    /**
     * Whether this is an HTML element with the current start tag of {@code tokens}: the same
     * name and the same attributes in the same order.
     */
    boolean sameStartTag(Tokenizer tokens) {
        if (kind != PackedTree.ELEMENT_HTML || !name.equals(tokens.name)) {
            return false;
        }
        PackedTree.Reader reader = new PackedTree.Reader(bytes, attributesAt);
        if (reader.varint() != tokens.attributeCount) {
            return false;
        }
        for (int i = 0; i < tokens.attributeCount; i++) {
            if (!tokens.attributeNameIs(i, reader.name())) {
                return false;
            }
            int length = reader.varint();
            if (!tokens.textEquals(tokens.attributes[4 * i + 2], tokens.attributes[4 * i + 3], bytes,
                    reader.position, length)) {
                return false;
            }
            reader.position += length;
        }
        return true;
    }

    /**
     * Where the node at {@code start} of a packing ends, if it is a text node (resp. comment, if
     * {@code comment}) whose data is the decoded source range of {@code tokens} (resp. the range
     * as it is); else -1. Reads the packing in place: most nodes compared are text.
     */
    static int dataEnd(byte[] bytes, int start, Tokenizer tokens, int from, int to, boolean comment) {
        int kind = bytes[start];
        PackedTree.Reader reader = new PackedTree.Reader(bytes, start + 1);
        if (comment ? kind != PackedTree.COMMENT : kind != PackedTree.TEXT && kind != PackedTree.INDENT) {
            return -1;
        }
        if (kind == PackedTree.INDENT) {
            return tokens.isIndent(from, to, reader.varint()) ? reader.position : -1;
        }
        int length = reader.varint();
        boolean same = comment
                ? tokens.rawEquals(from, to, bytes, reader.position, length)
                : tokens.textEquals(from, to, bytes, reader.position, length);
        return same ? reader.position + length : -1;
    }

    /**
     * Whether this subtree packs to the same bytes as a node of another packing: then the two
     * trees are equal (the converse does not hold: attributes may come in another order).
     *
     * @param packing the other packing
     * @param index the node's index in it
     * @return whether the bytes are equal
     */
    boolean samePacking(PackedTree.Packing packing, int index) {
        return Arrays.equals(
                bytes, start, end, packing.bytes(), packing.starts()[index], packing.end(index));
    }
}
