package io.liveview.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Finds where a new render differs from the previous one without parsing it whole: the new HTML
 * is read as tokens ({@link Tokenizer}) alongside the previous render's packed tree, and only
 * the children of one element that differ are parsed, in the context of that element, and
 * spliced into the packing.
 *
 * <p>Why that is exact: when the new HTML is plainly nested throughout ({@link Nesting}), the
 * parser builds the tree its tags spell, and the same children for an element's content parsed
 * alone. Tokens that equal the previous tree's nodes, in document order, then spell the same
 * nodes; so the new tree is the previous one with the differing children replaced by the parse
 * of their markup. Each step that cannot show this answers {@code null}, and the caller parses
 * the whole render: markup that is not plainly nested, changes inside an element whose children
 * the differ treats apart ({@code lv-stream} or {@code lv-update} on it or around it), or a parse
 * of the differing children that does not spell their tokens.
 */
final class Narrowing {

    /** A new render that equals the previous one. */
    static final NarrowedRender UNCHANGED = new NarrowedRender(null, null, Map.of());

    private final byte[] old;
    private final String html;
    private final Tokenizer tokens;
    private final Nesting nesting = new Nesting();
    /** The open elements of both renders (they agree), the root first, and per level: */
    private PackedNode[] open = new PackedNode[16];
    /** the index of the current child, and where it starts in the previous packing; */
    private int[] child = new int[16];
    private int[] oldChild = new int[16];
    /** where the open element's start tag starts in the new HTML. */
    private int[] newStart = new int[16];
    private int top;

    /** The open elements and their current children when the first difference was read. */
    private PackedNode[] firstOpen;
    private int[] firstChild;
    private int[] firstOld;
    private int[] firstNew;
    /** The level of the element whose children differ, -1 while none do. */
    private int level = -1;
    /** The lowest level the comparison has been at since the differing children ended. */
    private int minLevel;
    /** Where the differing children end, in the previous packing and the new HTML. */
    private int oldEnd;
    private int newEnd;

    private Narrowing(byte[] old, String html) {
        this.old = old;
        this.html = html;
        this.tokens = new Tokenizer(html, 0, html.length());
        open[0] = PackedNode.root(old);
        oldChild[0] = open[0].body();
    }

    /**
     * Narrows a new render.
     *
     * @param old the packed previous render, from {@link Html#parseFragment}
     * @param html the new render
     * @return the narrowed render, {@link #UNCHANGED}, or null if it must be parsed whole
     */
    static NarrowedRender narrow(byte[] old, String html) {
        Narrowing narrowing = new Narrowing(old, html);
        if (!narrowing.compare()) {
            return null;
        }
        return narrowing.level < 0 ? UNCHANGED : narrowing.splice();
    }

    /** Reads the new render to its end; false if it is not plainly nested. */
    private boolean compare() {
        while (true) {
            int kind = tokens.next();
            if (!nested(kind)) {
                return false;
            }
            if (!matched(kind)) {
                differs();
                if (!skipDiffering(kind)) {
                    return false;
                }
            }
            if (kind == Tokenizer.EOF) {
                return true;
            }
        }
    }

    /** Checks a token against the nesting rules. */
    private boolean nested(int kind) {
        return switch (kind) {
            case Tokenizer.START -> nesting.start(tokens.name, tokens.selfClosing);
            case Tokenizer.END -> nesting.end(tokens.name);
            case Tokenizer.TEXT -> nesting.takesText() || tokens.isWhitespace(tokens.dataStart, tokens.dataEnd);
            case Tokenizer.COMMENT -> true;
            case Tokenizer.EOF -> nesting.depth() == 0;
            default -> false;
        };
    }

    /** Follows a token that equals the previous render's next node; false if it does not. */
    private boolean matched(int kind) {
        PackedNode parent = open[top];
        boolean more = oldChild[top] < parent.end();
        switch (kind) {
            case Tokenizer.START -> {
                PackedNode next = more ? sameElement(tokens, old, oldChild[top]) : null;
                if (next == null) {
                    return false;
                }
                if (Nesting.isVoid(tokens.name)) {
                    advance(next.end());
                } else {
                    push(next);
                }
            }
            case Tokenizer.END -> {
                if (more) {
                    return false;
                }
                top--;
                advance(parent.end());
                minLevel = Math.min(minLevel, top);
            }
            case Tokenizer.TEXT, Tokenizer.COMMENT -> {
                int end = more ? sameDataEnd(tokens, kind, old, oldChild[top]) : -1;
                if (end < 0) {
                    return false;
                }
                advance(end);
            }
            default -> {
                return !more;
            }
        }
        return true;
    }

    private void push(PackedNode element) {
        top++;
        if (top == open.length) {
            open = Arrays.copyOf(open, top * 2);
            child = Arrays.copyOf(child, top * 2);
            oldChild = Arrays.copyOf(oldChild, top * 2);
            newStart = Arrays.copyOf(newStart, top * 2);
        }
        open[top] = element;
        child[top] = 0;
        oldChild[top] = element.body();
        newStart[top] = tokens.start;
    }

    /** Moves on to the next child of the current element. */
    private void advance(int oldNext) {
        child[top]++;
        oldChild[top] = oldNext;
    }

    /**
     * A token differs from the previous render: the differing children are now those of the
     * element the token is in, from the child it starts, or of the lowest element around both
     * these and the children that differed before.
     */
    private void differs() {
        if (level < 0) {
            int levels = top + 1;
            firstOpen = Arrays.copyOf(open, levels);
            firstChild = Arrays.copyOf(child, levels);
            firstOld = Arrays.copyOf(oldChild, levels);
            firstNew = new int[levels];
            for (int l = 0; l < top; l++) {
                firstNew[l] = newStart[l + 1];
            }
            firstNew[top] = tokens.start;
            level = top;
        } else {
            level = minLevel;
        }
    }

    /**
     * Reads the new render to the end of the element whose children differ, the token that
     * differed included; false if it is not plainly nested.
     */
    private boolean skipDiffering(int kind) {
        while (level == 0 ? kind != Tokenizer.EOF : nesting.depth() >= level) {
            kind = tokens.next();
            if (!nested(kind)) {
                return false;
            }
        }
        // The element's end tag (or the end of the HTML, for the root) was just read.
        newEnd = kind == Tokenizer.EOF ? html.length() : tokens.start;
        oldEnd = open[level].end();
        top = level;
        if (kind != Tokenizer.EOF) {
            top--;
            advance(open[level].end());
        }
        minLevel = top;
        return true;
    }

    /** Parses the differing children and splices them into the previous packing. */
    private NarrowedRender splice() {
        List<PackedNode> path = new ArrayList<>(Arrays.asList(firstOpen).subList(0, level + 1));
        for (PackedNode element : path) {
            if (element.hasKey(Differ.STREAM) || element.hasAttr("lv-update")) {
                return null;
            }
        }
        PackedNode element = path.getLast();
        int from = firstChild[level];
        int oldFrom = firstOld[level];
        int newFrom = firstNew[level];
        List<Integer> oldStarts = siblings(oldFrom, oldEnd);
        List<Integer> newStarts = topLevelStarts(newFrom, newEnd);
        // Children equal at the end stay: only the ones between are parsed.
        int same = 0;
        while (same < Math.min(oldStarts.size() - 1, newStarts.size() - 1)
                && sameMarkup(newStarts.get(newStarts.size() - 2 - same), newStarts.get(newStarts.size() - 1 - same),
                        old, oldStarts.get(oldStarts.size() - 2 - same), oldStarts.get(oldStarts.size() - 1 - same))) {
            same++;
        }
        int oldTo = oldStarts.get(oldStarts.size() - 1 - same);
        int newTo = newStarts.get(newStarts.size() - 1 - same);
        List<Node> parsed = Html.parseFragment(html.substring(newFrom, newTo), new Element(element.tagName()));
        byte[] packed = PackedTree.pack(parsed, newTo - newFrom);
        if (!sameMarkup(newFrom, newTo, packed, 0, packed.length)) {
            return null;
        }
        int removed = oldStarts.size() - 1 - same;
        int childCount = element.childCount() - removed + parsed.size();
        PackedTree.Packing packing = PackedTree.index(
                PackedTree.splice(old, path, oldFrom, oldTo, packed, childCount));
        return NarrowedRender.of(packing, firstChild, level, parsed);
    }

    /** Where the siblings in a range of the previous packing start, and the range's end last. */
    private List<Integer> siblings(int from, int to) {
        List<Integer> starts = new ArrayList<>();
        for (int at = from; at < to; at = PackedNode.at(old, at).end()) {
            starts.add(at);
        }
        starts.add(to);
        return starts;
    }

    /** Where the outermost nodes in a range of the new HTML start, and the range's end last. */
    private List<Integer> topLevelStarts(int from, int to) {
        List<Integer> starts = new ArrayList<>();
        Tokenizer range = new Tokenizer(html, from, to);
        int depth = 0;
        for (int kind = range.next(); kind != Tokenizer.EOF; kind = range.next()) {
            if (depth == 0 && kind != Tokenizer.END) {
                starts.add(range.start);
            }
            if (kind == Tokenizer.START && !Nesting.isVoid(range.name)) {
                depth++;
            } else if (kind == Tokenizer.END) {
                depth--;
            }
        }
        starts.add(to);
        return starts;
    }

    /**
     * Whether a range of the new HTML (already read as plainly nested) spells the nodes of a
     * range of a packing, siblings in both.
     */
    private boolean sameMarkup(int from, int to, byte[] packed, int packedFrom, int packedTo) {
        Tokenizer range = new Tokenizer(html, from, to);
        List<Integer> ends = new ArrayList<>(List.of(packedTo));
        int next = packedFrom;
        while (true) {
            int kind = range.next();
            boolean more = next < ends.getLast();
            switch (kind) {
                case Tokenizer.START -> {
                    PackedNode node = more ? sameElement(range, packed, next) : null;
                    if (node == null) {
                        return false;
                    }
                    if (Nesting.isVoid(range.name)) {
                        next = node.end();
                    } else {
                        ends.add(node.end());
                        next = node.body();
                    }
                }
                case Tokenizer.TEXT, Tokenizer.COMMENT -> {
                    next = more ? sameDataEnd(range, kind, packed, next) : -1;
                    if (next < 0) {
                        return false;
                    }
                }
                case Tokenizer.END -> {
                    if (more || ends.size() == 1) {
                        return false;
                    }
                    next = ends.removeLast();
                }
                case Tokenizer.EOF -> {
                    return !more && ends.size() == 1;
                }
                default -> {
                    return false;
                }
            }
        }
    }

    /** The packed node at {@code at} if it is an element with the current start tag, else null. */
    private static PackedNode sameElement(Tokenizer tokens, byte[] packed, int at) {
        if (packed[at] != PackedTree.ELEMENT_HTML) {
            return null;
        }
        PackedNode node = PackedNode.at(packed, at);
        boolean same = node.sameStartTag(tokens) && (!Nesting.isVoid(tokens.name) || node.childCount() == 0);
        return same ? node : null;
    }

    /** Where the packed node at {@code at} ends if it is the current text or comment, else -1. */
    private static int sameDataEnd(Tokenizer tokens, int kind, byte[] packed, int at) {
        return PackedNode.dataEnd(packed, at, tokens, tokens.dataStart, tokens.dataEnd, kind == Tokenizer.COMMENT);
    }
}
