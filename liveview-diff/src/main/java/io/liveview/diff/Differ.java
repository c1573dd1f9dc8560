package io.liveview.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Computes the {@link Patch} that turns the DOM of a previous render into a new render.
 *
 * <p>The new render is parsed as the children of a {@code div} ({@link Html#parseFragment});
 * the previous one is read from its {@link Snapshot}, which holds it parsed and packed
 * ({@link PackedTree}), so it is not parsed again. When the new render is plainly nested markup
 * (no raw text, {@code template}, {@code select}, SVG, left-out end tags...), only the children
 * that differ from the previous render are parsed, found by reading the new HTML as tokens
 * against the packed previous render ({@link Narrowing}); the packing, and so the patch, are the
 * same as the full parse's. Both are walked together from the root; a
 * matched pair whose packings are equal is unchanged and skipped. For each pair of matched
 * parents the children are handled in three passes, so that every path is valid when the
 * client reaches it:
 *
 * <ol>
 *   <li>unmatched old children are removed, last first, so earlier indexes do not shift;
 *   <li>the survivors are brought into the new order and new children inserted, from the last
 *       new child to the first, each placed right before its already placed right neighbour
 *       (a run of consecutive new children is one insert);
 *   <li>each changed matched pair is diffed recursively at its final index.
 * </ol>
 *
 * <p>Matching: siblings with an {@code lv-key} (else {@code id}, else {@code lv-cid}, a
 * component's number) attribute are matched by that key; unkeyed siblings by position among the unkeyed (counted from the end for trailing
 * siblings of the same tag, so one added or removed does not shift the rest). Matched children
 * forming a longest increasing subsequence of old positions stay put; only the others move. When
 * keyed children move, the unkeyed ones are matched either within the gaps between the keyed
 * children that stay, or across the whole list, whichever takes fewer operations. So inserting or
 * deleting one row of a keyed table with whitespace between rows is one insert (the row and its
 * whitespace) or two removes, reordering rows only moves rows, and no other row is touched.
 *
 * <p>A matched pair of the same node kind is patched in place: text, data and comment nodes by
 * {@link Op.SetText}, elements with the same tag by their attributes and children. Anything else
 * (another tag, another node kind, another {@code lv-update} mode, any change inside a
 * {@code template} or {@code noscript}, whose children browsers do not expose as the parser
 * here builds them) is an {@link Op.Replace}.
 *
 * <p>Form fields: on an {@code input}, a change of the {@code value} attribute is
 * {@code SetProperty("value")} (its removal is followed by {@code RemoveAttr("value")}), and
 * {@code checked} appearing or disappearing is {@code SetProperty("checked")}; on an
 * {@code option}, {@code selected} is {@code SetProperty("selected")}; a {@code textarea}'s
 * changed text is {@code SetProperty("value")}. Attribute operations come first (a changed
 * {@code type} before the rest), so properties apply to the field's final type.
 *
 * <p>{@code lv-update} containers: for {@code "ignore"} only the element's own attributes are
 * patched. For {@code "append"} and {@code "prepend"}, the client may hold children the server
 * no longer renders, so no path ever points into such a container: the element children with an
 * {@code id} that are new or differ from the previous render are sent as one {@link Op.Insert}
 * at {@link Op.Insert#END} (append) or 0 (prepend); the client replaces a child with the same
 * {@code id} in place instead of inserting it. Other children of such containers (whitespace,
 * children without an {@code id}) are left as the first render made them.
 *
 * <p>Stream containers (an {@code lv-stream} attribute, whose value tells the client where items
 * go and which leave, see {@link PatchApplier}) hold only what the view streamed since its last
 * render, and a snapshot keeps none of their children: the element children with an {@code id}
 * of a new render are all sent as one {@link Op.Insert} at {@link Op.Insert#END}, after the
 * attribute's change.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class Differ {

    /**
     * The outcome of a diff.
     *
     * @param patch the operations to send to the client (possibly empty)
     * @param next the snapshot to diff the following render against
     */
    public record Result(Patch patch, Snapshot next) {
        /** Rejects nulls. */
        public Result {
            Objects.requireNonNull(patch, "patch");
            Objects.requireNonNull(next, "next");
        }
    }

    /** Creates a differ; one instance can serve every view. */
    public Differ() {}

    /**
     * Diffs a new render against the previous one.
     *
     * @param previous the snapshot of the render the client's DOM currently shows
     * @param newInnerHtml the new template output; for a snapshot {@link Snapshot#ofElement of
     *     an element}, the element's new markup
     * @return the patch and the snapshot of the new render
     * @throws IllegalArgumentException if an element's new markup is not one element
     */
    public Result diff(Snapshot previous, String newInnerHtml) {
        Objects.requireNonNull(previous, "previous");
        // Most renders change little: read the new one against the previous without parsing it
        // whole when that is exact (Narrowing), which it is not shown to be for elements.
        NarrowedRender narrowed = previous.element() ? null : Narrowing.narrow(previous.packed(), newInnerHtml);
        if (narrowed == Narrowing.UNCHANGED) {
            return new Result(Patch.empty(), previous);
        }
        if (narrowed != null) {
            return diff(previous, narrowed.packing(), narrowed.root(), narrowed::childrenOf);
        }
        return diffParsed(previous, newInnerHtml);
    }

    /** {@link #diff} by parsing the new render whole. */
    static Result diffParsed(Snapshot previous, String newInnerHtml) {
        Element root = previous.element() ? Html.parseElement(newInnerHtml) : Html.parseFragment(newInnerHtml);
        return diff(previous, PackedTree.pack(root, newInnerHtml.length()), root, Element::childNodes);
    }

    private static Result diff(Snapshot previous, PackedTree.Packing packing, Element root,
            Function<Element, List<Node>> children) {
        Snapshot next = new Snapshot(packing.bytes(), previous.element());
        PackedNode old = PackedNode.root(previous.packed());
        if (old.samePacking(packing, 0)) {
            return new Result(Patch.empty(), next);
        }
        List<Op> ops = new ArrayList<>();
        new Walk(ops, packing, children).children(old, root, 0, new ArrayList<>());
        return new Result(new Patch(ops), next);
    }

    /**
     * One diff's traversal of the previous render (packed) and the new one (parsed). A new node
     * travels with its index in {@code next}, to compare its packing with the old node's;
     * {@code path} is a stack of the current node's child indexes. {@code newChildren} gives a
     * new element's children (a narrowed render builds few of them).
     */
    private record Walk(List<Op> ops, PackedTree.Packing next, Function<Element, List<Node>> newChildren) {

        void node(PackedNode before, Node after, int index, List<Integer> path) {
            if (before.isElement() && after instanceof Element n) {
                element(before, n, index, path);
            } else if (before.isText() && isText(after)
                    || before.isComment() && after instanceof Comment) {
                String text = data(after);
                if (!before.data().equals(text)) {
                    ops.add(new Op.SetText(path, text));
                }
            } else {
                ops.add(new Op.Replace(path, Html.outerHtml(after)));
            }
        }

        private void element(PackedNode o, Element n, int index, List<Integer> path) {
            String mode = isStream(n) ? STREAM : updateMode(n.attr("lv-update"));
            boolean opaque = isHtml(n, "template") || isHtml(n, "noscript");
            if (!o.tagName().equals(n.tagName())
                    || !o.namespace().equals(n.tag().namespace())
                    || !(o.hasAttr(STREAM) ? STREAM : updateMode(o.attr("lv-update"))).equals(mode)
                    || opaque && !same(o, n, index)) {
                ops.add(new Op.Replace(path, Html.outerHtml(n)));
                return;
            }
            if (opaque) {
                return;
            }
            attributes(o, n, path);
            switch (mode) {
                case "ignore" -> { }
                case "append", "prepend" -> merged(o, n, index, path, mode.equals("append"));
                case STREAM -> streamItems(n, path);
                default -> {
                    if (isHtml(n, "textarea")) {
                        String text = n.wholeText();
                        if (!o.wholeText().equals(text)) {
                            ops.add(new Op.SetProperty(path, "value", text));
                        }
                    } else {
                        children(o, n, index, path);
                    }
                }
            }
        }

        private void attributes(PackedNode o, Element n, List<Integer> path) {
            for (int i = 0; i < o.attributeCount(); i++) {
                String name = o.attributeName(i);
                if (!n.attributes().hasKey(name) && !isProperty(n, name)) {
                    ops.add(new Op.RemoveAttr(path, name));
                }
            }
            // The type goes first: it decides how the browser treats the other attributes' values.
            setAttributes(o, n, path, true);
            setAttributes(o, n, path, false);
            if (isHtml(n, "input")) {
                String old = o.hasAttr("value") ? o.attr("value") : null;
                if (!Objects.equals(old, value(n))) {
                    ops.add(new Op.SetProperty(path, "value", n.attr("value")));
                    if (!n.hasAttr("value")) {
                        ops.add(new Op.RemoveAttr(path, "value"));
                    }
                }
                // A checked radio moved into another group (new name or type) unchecks that group's
                // checked radio in the browser, although the new render may check both: say it again.
                boolean regrouped = !o.attr("name").equals(n.attr("name")) || !o.attr("type").equals(n.attr("type"));
                if (o.hasAttr("checked") != n.hasAttr("checked") || regrouped && n.hasAttr("checked")) {
                    ops.add(new Op.SetProperty(path, "checked", n.hasAttr("checked")));
                }
            } else if (isHtml(n, "option")) {
                booleanProperty(o, n, path, "selected");
            }
        }

        private void setAttributes(PackedNode o, Element n, List<Integer> path, boolean type) {
            for (Attribute a : n.attributes()) {
                String name = a.getKey();
                if (name.equals("type") == type
                        && !isProperty(n, name)
                        && !(o.hasKey(name) && o.get(name).equals(a.getValue()))) {
                    ops.add(new Op.SetAttr(path, name, a.getValue()));
                }
            }
        }

        private void booleanProperty(PackedNode o, Element n, List<Integer> path, String name) {
            if (o.hasAttr(name) != n.hasAttr(name)) {
                ops.add(new Op.SetProperty(path, name, n.hasAttr(name)));
            }
        }

        private void merged(PackedNode o, Element n, int index, List<Integer> path,
                boolean append) {
            Map<String, PackedNode> known = new HashMap<>();
            for (PackedNode child : o.children()) {
                if (child.isElement() && child.hasAttr("id")) {
                    known.putIfAbsent(child.attr("id"), child);
                }
            }
            List<Node> batch = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int c = index + 1;
            for (Node node : n.childNodes()) {
                if (node instanceof Element child && child.hasAttr("id") && seen.add(child.id())) {
                    PackedNode before = known.get(child.id());
                    if (before == null || !same(before, child, c)) {
                        batch.add(child);
                    }
                }
                c += next.sizes()[c];
            }
            if (!batch.isEmpty()) {
                ops.add(new Op.Insert(path, append ? Op.Insert.END : 0, Html.outerHtml(batch)));
            }
        }

        /** Every item a stream container holds in a render is new to the client: one insert. */
        private void streamItems(Element n, List<Integer> path) {
            List<Node> items = new ArrayList<>();
            for (Element child : n.children()) {
                if (child.hasAttr("id")) {
                    items.add(child);
                }
            }
            if (!items.isEmpty()) {
                ops.add(new Op.Insert(path, Op.Insert.END, Html.outerHtml(items)));
            }
        }

        void children(PackedNode oldParent, Element newParent, int index, List<Integer> path) {
            List<PackedNode> olds = oldParent.children();
            List<Node> news = newChildren.apply(newParent);
            int m = olds.size();
            int n = news.size();
            int[] indexes = new int[n];
            for (int j = 0, child = index + 1; j < n; child += next.sizes()[child], j++) {
                indexes[j] = child;
            }
            Plan plan = plan(olds, news, indexes);
            int[] match = plan.match();
            boolean[] oldMatched = plan.oldMatched();
            boolean[] moves = plan.moves();
            if (noElementKept(olds, oldMatched)) {
                ops.add(new Op.ReplaceChildren(path, Html.outerHtml(news)));
                return;
            }

            for (int i = m - 1; i >= 0; i--) {
                if (!oldMatched[i]) {
                    ops.add(new Op.Remove(with(path, i)));
                }
            }

            Positions current = new Positions(match, oldMatched, moves);
            for (int j = n - 1; j >= 0; j--) {
                if (match[j] < 0) {
                    int first = j;
                    while (first > 0 && match[first - 1] < 0) {
                        first--;
                    }
                    int at = current.before(j + 1);
                    ops.add(new Op.Insert(path, at, Html.outerHtml(news.subList(first, j + 1))));
                    for (int k = first; k <= j; k++) {
                        current.inserted(k);
                    }
                    j = first;
                } else if (moves[j]) {
                    int from = current.beforeMove(j);
                    int anchor = current.before(j + 1);
                    int to = from < anchor ? anchor - 1 : anchor;
                    if (from != to) {
                        ops.add(new Op.Move(path, from, to));
                    }
                    current.moved(j);
                }
            }

            for (int j = 0; j < n; j++) {
                if (match[j] >= 0 && !olds.get(match[j]).samePacking(next, indexes[j])) {
                    path.add(j);
                    node(olds.get(match[j]), news.get(j), indexes[j], path);
                    path.removeLast();
                }
            }
        }

        /**
         * Whether a list of two or more elements goes whole (a cleared or swapped list): then one
         * {@code ReplaceChildren} beats removing each node, the whitespace between them included.
         */
        private static boolean noElementKept(List<PackedNode> olds, boolean[] oldMatched) {
            int elements = 0;
            for (int i = 0; i < olds.size(); i++) {
                if (olds.get(i).isElement()) {
                    if (oldMatched[i]) {
                        return false;
                    }
                    elements++;
                }
            }
            return elements > 1;
        }

        /**
         * {@link #plan(Side, Side)}, made fast for the common render that changes a few children of
         * a long list: unchanged children at both ends are paired by position and only the rest is
         * planned. The outcome is the full plan's (when keys are unique):
         * <ul>
         *   <li>the full plan pairs the unchanged leading children so too, keyed ones by key, and
         *       keeps them all in its longest increasing run;
         *   <li>it pairs the unchanged trailing children so too from a keyed one on (before that,
         *       unkeyed children are matched by position from the start), unless keyed children
         *       move, when it also weighs matching the unkeyed ones across the whole list: then the
         *       trailing ones are planned with the rest.
         * </ul>
         *
         * @param indexes the new children's indexes in {@link #next}
         */
        private Plan plan(List<PackedNode> olds, List<Node> news, int[] indexes) {
            int m = olds.size();
            int n = news.size();
            int head = 0;
            while (head < Math.min(m, n) && olds.get(head).samePacking(next, indexes[head])) {
                head++;
            }
            int tail = 0;
            while (tail < Math.min(m, n) - head
                    && olds.get(m - 1 - tail).samePacking(next, indexes[n - 1 - tail])) {
                tail++;
            }
            while (tail > 0 && Side.key(olds.get(m - tail)) == null) {
                tail--;
            }
            Side oldSide = Side.ofOld(olds.subList(head, m - tail));
            Side newSide = Side.ofNew(news.subList(head, n - tail));
            int[] keyed = matchKeys(oldSide, newSide);
            Plan middle = gapped(keyed.clone(), oldSide, newSide);
            if (middle.anyMove() && tail > 0) {
                tail = 0;
                middle = plan(Side.ofOld(olds.subList(head, m)), Side.ofNew(news.subList(head, n)));
            } else if (middle.anyMove()) {
                middle = cheaper(whole(keyed, oldSide, newSide), middle);
            }
            if (head == 0 && tail == 0) {
                return middle;
            }
            int[] match = new int[n];
            boolean[] oldMatched = new boolean[m];
            boolean[] moves = new boolean[n];
            for (int k = 0; k < head; k++) {
                pair(k, k, match, oldMatched);
            }
            for (int k = 1; k <= tail; k++) {
                pair(m - k, n - k, match, oldMatched);
            }
            for (int j = 0; j < n - head - tail; j++) {
                int i = middle.match()[j];
                match[head + j] = i < 0 ? -1 : head + i;
                moves[head + j] = middle.moves()[j];
            }
            for (int i = 0; i < m - head - tail; i++) {
                oldMatched[head + i] = middle.oldMatched()[i];
            }
            return new Plan(match, oldMatched, moves);
        }

        /**
         * Whether an old subtree equals a new one, attributes compared as sets. Equal packings are
         * the quick answer; else the trees are compared node by node.
         */
        private boolean same(PackedNode a, Node b, int index) {
            if (a.samePacking(next, index)) {
                return true;
            }
            if (a.isElement() && b instanceof Element y) {
                if (!a.tagName().equals(y.tagName())
                        || !a.namespace().equals(y.tag().namespace())
                        || a.attributeCount() != y.attributesSize()
                        || a.childCount() != y.childNodeSize()) {
                    return false;
                }
                for (int i = 0; i < a.attributeCount(); i++) {
                    String name = a.attributeName(i);
                    if (!(y.attributes().hasKey(name)
                            && a.attributeValue(i).equals(y.attributes().get(name)))) {
                        return false;
                    }
                }
                List<PackedNode> children = a.children();
                int child = index + 1;
                for (int i = 0; i < children.size(); i++) {
                    if (!same(children.get(i), y.childNode(i), child)) {
                        return false;
                    }
                    child += next.sizes()[child];
                }
                return true;
            }
            return (a.isText() && isText(b) || a.isComment() && b instanceof Comment)
                    && a.data().equals(data(b));
        }

        /**
         * Decides which old child each new child is patched from. Keyed children match by key; the
         * unkeyed ones are matched in two ways and the plan with fewer operations wins:
         * <ul>
         *   <li>within the gaps between keyed children that stay put (inserting or removing keyed
         *       rows then leaves the whitespace between the others alone);
         *   <li>across the whole list, every matched child then staying or moving alike (reordering
         *       keyed rows then moves only rows, leaving the whitespace between them in place).
         * </ul>
         */
        private static Plan plan(Side olds, Side news) {
            int[] keyed = matchKeys(olds, news);
            Plan gapped = gapped(keyed.clone(), olds, news);
            return gapped.anyMove() ? cheaper(whole(keyed, olds, news), gapped) : gapped;
        }

        private static Plan cheaper(Plan whole, Plan gapped) {
            return whole.cost() < gapped.cost() ? whole : gapped;
        }

        /** For each new child, the index of the old child with the same key, or -1. */
        private static int[] matchKeys(Side olds, Side news) {
            Map<String, Integer> oldKeys = new HashMap<>();
            for (int i = 0; i < olds.size(); i++) {
                String key = olds.key(i);
                if (key != null) {
                    oldKeys.putIfAbsent(key, i);
                }
            }
            int[] match = new int[news.size()];
            Arrays.fill(match, -1);
            Set<Integer> taken = new HashSet<>();
            for (int j = 0; j < news.size(); j++) {
                String key = news.key(j);
                Integer i = key == null ? null : oldKeys.get(key);
                if (i != null && taken.add(i)) {
                    match[j] = i;
                }
            }
            return match;
        }

        /**
         * The keyed matches forming a longest increasing subsequence of old indexes stay, the other
         * keyed ones move, and unkeyed children match within the gaps between those that stay.
         */
        private static Plan gapped(int[] match, Side olds, Side news) {
            boolean[] stays = stays(match, olds.size());
            boolean[] oldMatched = new boolean[olds.size()];
            boolean[] moves = new boolean[news.size()];
            List<List<Integer>> oldGaps = new ArrayList<>();
            oldGaps.add(new ArrayList<>());
            for (int i = 0; i < olds.size(); i++) {
                if (stays[i]) {
                    oldGaps.add(new ArrayList<>());
                } else if (olds.key(i) == null) {
                    oldGaps.getLast().add(i);
                }
            }
            List<List<Integer>> newGaps = new ArrayList<>();
            newGaps.add(new ArrayList<>());
            for (int j = 0; j < news.size(); j++) {
                if (match[j] >= 0) {
                    oldMatched[match[j]] = true;
                    if (stays[match[j]]) {
                        newGaps.add(new ArrayList<>());
                    } else {
                        moves[j] = true;
                    }
                } else if (news.key(j) == null) {
                    newGaps.getLast().add(j);
                }
            }
            for (int g = 0; g < oldGaps.size(); g++) {
                matchGap(oldGaps.get(g), newGaps.get(g), olds, news, match, oldMatched);
            }
            return new Plan(match, oldMatched, moves);
        }

        /**
         * Unkeyed children match across the whole list; then all matches forming a longest
         * increasing subsequence of old indexes stay and the others move.
         */
        private static Plan whole(int[] keyed, Side olds, Side news) {
            int[] match = keyed.clone();
            boolean[] oldMatched = new boolean[olds.size()];
            List<Integer> oldUnkeyed = new ArrayList<>();
            for (int i = 0; i < olds.size(); i++) {
                if (olds.key(i) == null) {
                    oldUnkeyed.add(i);
                }
            }
            List<Integer> newUnkeyed = new ArrayList<>();
            for (int j = 0; j < news.size(); j++) {
                if (news.key(j) == null) {
                    newUnkeyed.add(j);
                }
            }
            matchGap(oldUnkeyed, newUnkeyed, olds, news, match, oldMatched);
            boolean[] stays = stays(match, olds.size());
            boolean[] moves = new boolean[news.size()];
            for (int j = 0; j < news.size(); j++) {
                if (match[j] >= 0) {
                    oldMatched[match[j]] = true;
                    moves[j] = !stays[match[j]];
                }
            }
            return new Plan(match, oldMatched, moves);
        }

        /** Marks the old indexes of one longest increasing subsequence of the matches. */
        private static boolean[] stays(int[] match, int oldCount) {
            int[] matched = Arrays.stream(match).filter(i -> i >= 0).toArray();
            boolean[] stays = new boolean[oldCount];
            for (int k : longestIncreasingSubsequence(matched)) {
                stays[matched[k]] = true;
            }
            return stays;
        }

        /**
         * Matches the unkeyed children of one gap by position, counted from the start for the
         * leading children of the same kind and tag, from the end for the trailing ones, and from
         * the start again for the rest; so one child added or removed does not shift the others.
         */
        private static void matchGap(List<Integer> olds, List<Integer> news, Side oldNodes,
                Side newNodes, int[] match, boolean[] oldMatched) {
            int common = Math.min(olds.size(), news.size());
            int head = 0;
            while (head < common
                    && oldNodes.alike(olds.get(head), newNodes, news.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < common - head
                    && oldNodes.alike(olds.get(olds.size() - 1 - tail),
                            newNodes, news.get(news.size() - 1 - tail))) {
                tail++;
            }
            for (int k = 0; k < common - tail; k++) {
                pair(olds.get(k), news.get(k), match, oldMatched);
            }
            for (int k = 1; k <= tail; k++) {
                pair(olds.get(olds.size() - k), news.get(news.size() - k), match, oldMatched);
            }
        }

        private static void pair(int oldIndex, int newIndex, int[] match, boolean[] oldMatched) {
            match[newIndex] = oldIndex;
            oldMatched[oldIndex] = true;
        }
    }

    /**
     * How to turn one child list into another.
     *
     * @param match for each new child, the index of the old child it is patched from, or -1 when
     *     it is inserted
     * @param oldMatched which old children are kept (the others are removed)
     * @param moves which new children come from an old child that must move
     */
    private record Plan(int[] match, boolean[] oldMatched, boolean[] moves) {

        boolean anyMove() {
            for (boolean move : moves) {
                if (move) {
                    return true;
                }
            }
            return false;
        }

        /** The number of operations the plan takes at this level. */
        int cost() {
            int cost = 0;
            for (boolean kept : oldMatched) {
                cost += kept ? 0 : 1;
            }
            for (int j = 0; j < match.length; j++) {
                boolean runStart = match[j] < 0 && (j == 0 || match[j - 1] >= 0);
                cost += moves[j] || runStart ? 1 : 0;
            }
            return cost;
        }
    }

    /**
     * The order of one parent's children while their moves and inserts are worked out, from the
     * last new child to the first: gives a child's index in O(log n), where scanning a list made
     * reordering n children cost O(n²).
     *
     * <p>Each child has a coordinate, and the current order is the order of the coordinates. A
     * child at its final place (it stays, or was moved or inserted) has the coordinate of its new
     * index. A child still to move sits, as in the old order, after the staying child before it;
     * since every child is placed right before its right neighbour, the children placed between
     * two staying ones gather right before the second, after the children still to move there.
     * So a waiting child's coordinate lies between its staying predecessor's and the next new
     * index. A Fenwick tree counts the children present below a coordinate.
     */
    private static final class Positions {

        private final int[] finalAt;
        private final int[] waitingAt;
        private final int[] tree;
        private int size;

        /** The children right after the removes: the matched old ones, in the old order. */
        Positions(int[] match, boolean[] oldMatched, boolean[] moves) {
            int n = match.length;
            int[] newIndex = new int[oldMatched.length];
            for (int j = 0; j < n; j++) {
                if (match[j] >= 0) {
                    newIndex[match[j]] = j;
                }
            }
            // The children to move in the old order, each with the new index of the staying child
            // before it (-1 if none).
            int[] waiting = new int[n];
            int[] stayBefore = new int[n];
            int count = 0;
            int stay = -1;
            for (int i = 0; i < oldMatched.length; i++) {
                if (oldMatched[i]) {
                    int j = newIndex[i];
                    if (moves[j]) {
                        waiting[count++] = j;
                        stayBefore[j] = stay;
                    } else {
                        stay = j;
                    }
                }
            }
            finalAt = new int[n];
            waitingAt = new int[n];
            int coordinate = 0;
            int w = 0;
            for (int j = -1; j < n; j++) {
                if (j >= 0) {
                    finalAt[j] = coordinate++;
                }
                if (j < 0 || match[j] >= 0 && !moves[j]) {
                    while (w < count && stayBefore[waiting[w]] == j) {
                        waitingAt[waiting[w++]] = coordinate++;
                    }
                }
            }
            tree = new int[coordinate + 1];
            for (int j = 0; j < n; j++) {
                if (match[j] >= 0) {
                    add(moves[j] ? waitingAt[j] : finalAt[j], 1);
                }
            }
        }

        /** The current index of new child {@code j} once placed, or the count if {@code j == n}. */
        int before(int j) {
            return j == finalAt.length ? size : countBelow(finalAt[j]);
        }

        /** The current index of new child {@code j}, still to move. */
        int beforeMove(int j) {
            return countBelow(waitingAt[j]);
        }

        void moved(int j) {
            add(waitingAt[j], -1);
            add(finalAt[j], 1);
        }

        void inserted(int j) {
            add(finalAt[j], 1);
        }

        private int countBelow(int coordinate) {
            int count = 0;
            for (int i = coordinate; i > 0; i -= i & -i) {
                count += tree[i];
            }
            return count;
        }

        private void add(int coordinate, int delta) {
            size += delta;
            for (int i = coordinate + 1; i < tree.length; i += i & -i) {
                tree[i] += delta;
            }
        }
    }

    /**
     * What planning needs of one side's children, worked out once per child list.
     *
     * @param keys each child's key ({@code lv-key}, else {@code id}, each with its own prefix), or
     *     null if it has none
     * @param shapes each child's tag name if an element, else its kind ({@code #text}...): two
     *     children of the same shape can be patched into each other rather than replaced
     */
    private record Side(String[] keys, String[] shapes) {

        static Side ofOld(List<PackedNode> nodes) {
            Side side = new Side(new String[nodes.size()], new String[nodes.size()]);
            for (int i = 0; i < nodes.size(); i++) {
                PackedNode node = nodes.get(i);
                if (node.isElement()) {
                    side.keys[i] = key(node);
                    side.shapes[i] = node.tagName();
                } else {
                    side.shapes[i] = node.kindName();
                }
            }
            return side;
        }

        static Side ofNew(List<Node> nodes) {
            Side side = new Side(new String[nodes.size()], new String[nodes.size()]);
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof Element e) {
                    side.keys[i] = key(e.hasAttr("lv-key"), e.attr("lv-key"), e.hasAttr("id") ? e.id() : null,
                            e.hasAttr(COMPONENT) ? e.attr(COMPONENT) : null);
                    side.shapes[i] = e.tagName();
                } else {
                    side.shapes[i] = nodes.get(i).nodeName();
                }
            }
            return side;
        }

        static String key(PackedNode node) {
            return node.isElement()
                    ? key(node.hasAttr("lv-key"), node.attr("lv-key"),
                            node.hasAttr("id") ? node.attr("id") : null,
                            node.hasAttr(COMPONENT) ? node.attr(COMPONENT) : null)
                    : null;
        }

        private static String key(boolean hasLvKey, String lvKey, String id, String component) {
            if (hasLvKey) {
                return "k" + lvKey;
            }
            if (id != null) {
                return "i" + id;
            }
            return component == null ? null : "c" + component;
        }

        int size() {
            return keys.length;
        }

        String key(int i) {
            return keys[i];
        }

        /** Whether child {@code i} here and child {@code j} of {@code other} have the same shape. */
        boolean alike(int i, Side other, int j) {
            return shapes[i].equals(other.shapes[j]);
        }
    }

    /** Indexes into {@code a} of one longest strictly increasing subsequence. */
    private static int[] longestIncreasingSubsequence(int[] a) {
        int[] tails = new int[a.length];
        int[] previous = new int[a.length];
        int length = 0;
        for (int i = 0; i < a.length; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[tails[mid]] < a[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            length = Math.max(length, lo + 1);
        }
        int[] result = new int[length];
        for (int k = length - 1, i = length > 0 ? tails[length - 1] : -1; k >= 0; k--) {
            result[k] = i;
            i = previous[i];
        }
        return result;
    }

    private static List<Integer> with(List<Integer> path, int index) {
        List<Integer> child = new ArrayList<>(path);
        child.add(index);
        return child;
    }

    /** The attribute that makes an element a stream container, and its update mode. */
    static final String STREAM = "lv-stream";

    /** The attribute naming the component an element is (the key of a component's placeholder). */
    static final String COMPONENT = "lv-cid";

    /** Whether the element is a stream container, whose children a snapshot does not keep. */
    static boolean isStream(Element element) {
        return element.attributes().hasKey(STREAM);
    }

    /** The {@code lv-update} mode an attribute value selects; "" for the default. */
    private static String updateMode(String mode) {
        return switch (mode) {
            case "ignore", "append", "prepend" -> mode;
            default -> "";
        };
    }

    private static boolean isProperty(Element element, String attribute) {
        return isHtml(element, "input") && (attribute.equals("value") || attribute.equals("checked"))
                || isHtml(element, "option") && attribute.equals("selected");
    }

    private static String value(Element element) {
        return element.hasAttr("value") ? element.attr("value") : null;
    }

    static boolean isHtml(Element element, String name) {
        return element.normalName().equals(name)
                && Parser.NamespaceHtml.equals(element.tag().namespace());
    }

    private static boolean isText(Node node) {
        return node instanceof TextNode || node instanceof DataNode;
    }

    private static String data(Node node) {
        return switch (node) {
            case TextNode text -> text.getWholeText();
            case DataNode data -> data.getWholeData();
            case Comment comment -> comment.getData();
            default -> throw new IllegalArgumentException(node.nodeName());
        };
    }
}
