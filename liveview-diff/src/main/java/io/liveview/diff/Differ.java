package io.liveview.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * <p>Both renders are parsed as the children of a {@code div} ({@link Html#parseFragment}) and
 * walked together from the root. For each pair of matched parents the children are handled in
 * three passes, so that every path is valid when the client reaches it:
 *
 * <ol>
 *   <li>unmatched old children are removed, last first, so earlier indexes do not shift;
 *   <li>the survivors are brought into the new order and new children inserted, from the last
 *       new child to the first, each placed right before its already placed right neighbour
 *       (a run of consecutive new children is one insert);
 *   <li>each matched pair is diffed recursively at its final index.
 * </ol>
 *
 * <p>Matching: siblings with an {@code lv-key} (else {@code id}) attribute are matched by that
 * key; unkeyed siblings by position among the unkeyed (counted from the end for trailing
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
   * @param newInnerHtml the new template output
   * @return the patch and the snapshot of the new render
   */
  public Result diff(Snapshot previous, String newInnerHtml) {
    Objects.requireNonNull(previous, "previous");
    Snapshot next = Snapshot.of(newInnerHtml);
    if (previous.html().equals(newInnerHtml)) {
      return new Result(Patch.empty(), next);
    }
    List<Op> ops = new ArrayList<>();
    new Walk(ops).children(
        Html.parseFragment(previous.html()), Html.parseFragment(newInnerHtml), new ArrayList<>());
    return new Result(new Patch(ops), next);
  }

  /** One diff's traversal; {@code path} is a stack of the current node's child indexes. */
  private record Walk(List<Op> ops) {

    void node(Node before, Node after, List<Integer> path) {
      if (before instanceof Element o && after instanceof Element n) {
        element(o, n, path);
      } else if (isText(before) && isText(after)
          || before instanceof Comment && after instanceof Comment) {
        String text = data(after);
        if (!data(before).equals(text)) {
          ops.add(new Op.SetText(path, text));
        }
      } else {
        ops.add(new Op.Replace(path, Html.outerHtml(after)));
      }
    }

    private void element(Element o, Element n, List<Integer> path) {
      String mode = updateMode(n);
      boolean opaque = isHtml(n, "template") || isHtml(n, "noscript");
      if (!o.tagName().equals(n.tagName())
          || !Objects.equals(o.tag().namespace(), n.tag().namespace())
          || !updateMode(o).equals(mode)
          || opaque && !same(o, n)) {
        ops.add(new Op.Replace(path, Html.outerHtml(n)));
        return;
      }
      if (opaque) {
        return;
      }
      attributes(o, n, path);
      switch (mode) {
        case "ignore" -> { }
        case "append", "prepend" -> stream(o, n, path, mode.equals("append"));
        default -> {
          if (isHtml(n, "textarea")) {
            String text = n.wholeText();
            if (!o.wholeText().equals(text)) {
              ops.add(new Op.SetProperty(path, "value", text));
            }
          } else {
            children(o, n, path);
          }
        }
      }
    }

    private void attributes(Element o, Element n, List<Integer> path) {
      for (Attribute a : o.attributes()) {
        if (!n.attributes().hasKey(a.getKey()) && !isProperty(n, a.getKey())) {
          ops.add(new Op.RemoveAttr(path, a.getKey()));
        }
      }
      // The type goes first: it decides how the browser treats the other attributes' values.
      setAttributes(o, n, path, true);
      setAttributes(o, n, path, false);
      if (isHtml(n, "input")) {
        if (!Objects.equals(value(o), value(n))) {
          ops.add(new Op.SetProperty(path, "value", n.attr("value")));
          if (!n.hasAttr("value")) {
            ops.add(new Op.RemoveAttr(path, "value"));
          }
        }
        booleanProperty(o, n, path, "checked");
      } else if (isHtml(n, "option")) {
        booleanProperty(o, n, path, "selected");
      }
    }

    private void setAttributes(Element o, Element n, List<Integer> path, boolean type) {
      for (Attribute a : n.attributes()) {
        String name = a.getKey();
        if (name.equals("type") == type
            && !isProperty(n, name)
            && !(o.attributes().hasKey(name) && o.attributes().get(name).equals(a.getValue()))) {
          ops.add(new Op.SetAttr(path, name, a.getValue()));
        }
      }
    }

    private void booleanProperty(Element o, Element n, List<Integer> path, String name) {
      if (o.hasAttr(name) != n.hasAttr(name)) {
        ops.add(new Op.SetProperty(path, name, n.hasAttr(name)));
      }
    }

    private void stream(Element o, Element n, List<Integer> path, boolean append) {
      Map<String, Element> known = new HashMap<>();
      for (Element child : o.children()) {
        if (child.hasAttr("id")) {
          known.putIfAbsent(child.id(), child);
        }
      }
      List<Node> batch = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Element child : n.children()) {
        if (child.hasAttr("id") && seen.add(child.id())) {
          Element before = known.get(child.id());
          if (before == null || !same(before, child)) {
            batch.add(child);
          }
        }
      }
      if (!batch.isEmpty()) {
        ops.add(new Op.Insert(path, append ? Op.Insert.END : 0, Html.outerHtml(batch)));
      }
    }

    void children(Element oldParent, Element newParent, List<Integer> path) {
      List<Node> olds = oldParent.childNodes();
      List<Node> news = newParent.childNodes();
      int m = olds.size();
      int n = news.size();
      Plan plan = plan(olds, news);
      int[] match = plan.match();
      boolean[] oldMatched = plan.oldMatched();
      boolean[] moves = plan.moves();

      for (int i = m - 1; i >= 0; i--) {
        if (!oldMatched[i]) {
          ops.add(new Op.Remove(with(path, i)));
        }
      }

      // Slot j holds the node that ends up as child j: the matched old node, or the new one.
      Node[] slots = new Node[n];
      List<Node> current = new ArrayList<>(m);
      for (int j = 0; j < n; j++) {
        slots[j] = match[j] >= 0 ? olds.get(match[j]) : news.get(j);
      }
      for (int i = 0; i < m; i++) {
        if (oldMatched[i]) {
          current.add(olds.get(i));
        }
      }
      for (int j = n - 1; j >= 0; j--) {
        if (match[j] < 0) {
          int first = j;
          while (first > 0 && match[first - 1] < 0) {
            first--;
          }
          int at = j + 1 < n ? indexOf(current, slots[j + 1]) : current.size();
          List<Node> run = news.subList(first, j + 1);
          ops.add(new Op.Insert(path, at, Html.outerHtml(run)));
          current.addAll(at, Arrays.asList(slots).subList(first, j + 1));
          j = first;
        } else if (moves[j]) {
          int from = indexOf(current, slots[j]);
          int anchor = j + 1 < n ? indexOf(current, slots[j + 1]) : current.size();
          int to = from < anchor ? anchor - 1 : anchor;
          if (from != to) {
            ops.add(new Op.Move(path, from, to));
            current.add(to, current.remove(from));
          }
        }
      }

      for (int j = 0; j < n; j++) {
        if (match[j] >= 0) {
          path.add(j);
          node(olds.get(match[j]), news.get(j), path);
          path.removeLast();
        }
      }
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
    private static Plan plan(List<Node> olds, List<Node> news) {
      int[] keyed = matchKeys(olds, news);
      Plan gapped = gapped(keyed.clone(), olds, news);
      for (boolean move : gapped.moves()) {
        if (move) {
          Plan whole = whole(keyed, olds, news);
          return whole.cost() < gapped.cost() ? whole : gapped;
        }
      }
      return gapped;
    }

    /** For each new child, the index of the old child with the same key, or -1. */
    private static int[] matchKeys(List<Node> olds, List<Node> news) {
      Map<String, Integer> oldKeys = new HashMap<>();
      for (int i = 0; i < olds.size(); i++) {
        String key = key(olds.get(i));
        if (key != null) {
          oldKeys.putIfAbsent(key, i);
        }
      }
      int[] match = new int[news.size()];
      Arrays.fill(match, -1);
      Set<Integer> taken = new HashSet<>();
      for (int j = 0; j < news.size(); j++) {
        String key = key(news.get(j));
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
    private static Plan gapped(int[] match, List<Node> olds, List<Node> news) {
      boolean[] stays = stays(match, olds.size());
      boolean[] oldMatched = new boolean[olds.size()];
      boolean[] moves = new boolean[news.size()];
      List<List<Integer>> oldGaps = new ArrayList<>();
      oldGaps.add(new ArrayList<>());
      for (int i = 0; i < olds.size(); i++) {
        if (stays[i]) {
          oldGaps.add(new ArrayList<>());
        } else if (key(olds.get(i)) == null) {
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
        } else if (key(news.get(j)) == null) {
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
    private static Plan whole(int[] keyed, List<Node> olds, List<Node> news) {
      int[] match = keyed.clone();
      boolean[] oldMatched = new boolean[olds.size()];
      List<Integer> oldUnkeyed = new ArrayList<>();
      for (int i = 0; i < olds.size(); i++) {
        if (key(olds.get(i)) == null) {
          oldUnkeyed.add(i);
        }
      }
      List<Integer> newUnkeyed = new ArrayList<>();
      for (int j = 0; j < news.size(); j++) {
        if (key(news.get(j)) == null) {
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
    private static void matchGap(List<Integer> olds, List<Integer> news, List<Node> oldNodes,
        List<Node> newNodes, int[] match, boolean[] oldMatched) {
      int common = Math.min(olds.size(), news.size());
      int head = 0;
      while (head < common
          && alike(oldNodes.get(olds.get(head)), newNodes.get(news.get(head)))) {
        head++;
      }
      int tail = 0;
      while (tail < common - head
          && alike(oldNodes.get(olds.get(olds.size() - 1 - tail)),
              newNodes.get(news.get(news.size() - 1 - tail)))) {
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

  /** Whether two nodes can be patched into each other rather than replaced. */
  private static boolean alike(Node a, Node b) {
    if (a instanceof Element x && b instanceof Element y) {
      return x.tagName().equals(y.tagName());
    }
    return a.getClass() == b.getClass();
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

  /** Whether two subtrees are equal, attributes compared as sets. */
  private static boolean same(Node a, Node b) {
    if (a instanceof Element x && b instanceof Element y) {
      if (!x.tagName().equals(y.tagName())
          || !Objects.equals(x.tag().namespace(), y.tag().namespace())
          || x.attributesSize() != y.attributesSize()
          || x.childNodeSize() != y.childNodeSize()) {
        return false;
      }
      for (Attribute attribute : x.attributes()) {
        String name = attribute.getKey();
        String value = y.attributes().hasKey(name) ? y.attributes().get(name) : null;
        if (!attribute.getValue().equals(value)) {
          return false;
        }
      }
      for (int i = 0; i < x.childNodeSize(); i++) {
        if (!same(x.childNode(i), y.childNode(i))) {
          return false;
        }
      }
      return true;
    }
    return (isText(a) && isText(b) || a instanceof Comment && b instanceof Comment)
        && data(a).equals(data(b));
  }

  private static String key(Node node) {
    if (node instanceof Element e) {
      if (e.hasAttr("lv-key")) {
        return "k" + e.attr("lv-key");
      }
      if (e.hasAttr("id")) {
        return "i" + e.id();
      }
    }
    return null;
  }

  private static int indexOf(List<Node> nodes, Node node) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    throw new IllegalStateException("node not among the children");
  }

  private static List<Integer> with(List<Integer> path, int index) {
    List<Integer> child = new ArrayList<>(path);
    child.add(index);
    return child;
  }

  private static String updateMode(Element element) {
    String mode = element.attr("lv-update");
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
