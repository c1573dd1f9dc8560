package io.liveview.diff;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Applies a patch to a jsoup tree the way the browser client applies it to the DOM: the
 * reference the differ is tested against.
 *
 * <p>Inserted and replacing markup is parsed in the context of its parent element, as the
 * browser parses it. A form property is applied to its default, which is all a tree without live
 * state has: {@code value} sets the {@code value} attribute (a {@code textarea}'s text),
 * {@code checked} and {@code selected} add or remove the boolean attribute.
 */
public final class PatchApplier {

    private PatchApplier() {}

    /**
     * Applies the operations in order.
     *
     * @param patch the patch
     * @param root the live root, whose children the patch addresses; modified in place
     * @throws IllegalArgumentException if a path does not lead to a suitable node
     */
    public static void apply(Patch patch, Element root) {
        new Target(root, null).apply(patch);
    }

    /**
     * Applies the patch of an element's own render ({@link Snapshot#ofElement}), a component's,
     * whose paths start with 0 for the element itself.
     *
     * @param patch the patch
     * @param element the element as the page shows it, inside its page; modified in place, or
     *     replaced in its parent
     * @throws IllegalArgumentException if a path does not lead to a suitable node
     */
    public static void applyToElement(Patch patch, Element element) {
        new Target(null, element).apply(patch);
    }

    /**
     * What paths are resolved from: the children of {@code root}, or a parent holding
     * {@code element} alone (which a replace of the element replaces in turn).
     */
    private static final class Target {
        private final Element root;
        private Node element;

        Target(Element root, Element element) {
            this.root = root;
            this.element = element;
        }

        void apply(Patch patch) {
            for (Op op : patch.ops()) {
                switch (op) {
                    case Op.SetText(var path, var text) -> {
                        switch (resolve(path)) {
                            case TextNode node -> node.text(text);
                            case DataNode node -> node.setWholeData(text);
                            case Comment node -> node.setData(text);
                            default -> throw new IllegalArgumentException("not a text node at " + path);
                        }
                    }
                    // Through attributes(), which keeps the name's case as setAttribute does on SVG.
                    case Op.SetAttr(var path, var name, var value) -> {
                        Element target = element(path);
                        target.attributes().put(name, value);
                        if (name.equals(Differ.STREAM)) {
                            StreamOrder.of(value).resetAndDelete(target);
                        }
                    }
                    case Op.RemoveAttr(var path, var name) -> element(path).attributes().remove(name);
                    case Op.SetProperty(var path, var name, var value) ->
                            setProperty(element(path), name, value);
                    case Op.Insert(var path, var index, var html) -> insert(element(path), index, html);
                    case Op.Remove(var path) -> resolve(path).remove();
                    case Op.Move(var path, var from, var to) -> {
                        Element parent = element(path);
                        Node child = childAt(parent, from, path);
                        child.remove();
                        parent.insertChildren(to, child);
                    }
                    case Op.Replace(var path, var html) -> {
                        Node node = resolve(path);
                        Element parent = (Element) node.parent();
                        int index = node.siblingIndex();
                        List<Node> nodes = Html.parseFragment(html, parent);
                        node.remove();
                        parent.insertChildren(index, nodes);
                        if (node == element) {
                            element = nodes.getFirst();
                        }
                    }
                    case Op.ReplaceChildren(var path, var html) -> {
                        Element parent = element(path);
                        parent.empty();
                        parent.appendChildren(Html.parseFragment(html, parent));
                    }
                }
            }
        }

        private Element element(List<Integer> path) {
            if (resolve(path) instanceof Element found) {
                return found;
            }
            throw new IllegalArgumentException("not an element at " + path);
        }

        private Node resolve(List<Integer> path) {
            Node node = root;
            int from = 0;
            if (element != null) {
                if (path.isEmpty() || path.getFirst() != 0) {
                    throw new IllegalArgumentException("an element's patch has paths from 0, not " + path);
                }
                node = element;
                from = 1;
            }
            for (int i = from; i < path.size(); i++) {
                node = childAt(node, path.get(i), path);
            }
            return node;
        }
    }

    private static void setProperty(Element element, String name, Object value) {
        if (name.equals("value") && Differ.isHtml(element, "textarea")) {
            element.empty();
            if (!((String) value).isEmpty()) {
                element.appendChild(new TextNode((String) value));
            }
        } else if (value instanceof String text) {
            element.attributes().put(name, text);
        } else if ((Boolean) value) {
            element.attributes().put(name, "");
        } else {
            element.attributes().remove(name);
        }
    }

    /** Inserts, merging by id into {@code lv-update="append"/"prepend"} containers and streams. */
    private static void insert(Element parent, int index, String html) {
        int at = index == Op.Insert.END ? parent.childNodeSize() : index;
        String mode = parent.attr("lv-update");
        List<Node> nodes = Html.parseFragment(html, parent);
        if (Differ.isStream(parent)) {
            StreamOrder.of(parent.attr(Differ.STREAM)).insert(parent, nodes);
            return;
        }
        if (mode.equals("append") || mode.equals("prepend")) {
            List<Node> fresh = new ArrayList<>();
            for (Node node : nodes) {
                Element existing =
                        node instanceof Element e && e.hasAttr("id") ? child(parent, e.id()) : null;
                if (existing == null) {
                    fresh.add(node);
                } else {
                    existing.replaceWith(node);
                }
            }
            nodes = fresh;
        }
        parent.insertChildren(at, nodes);
    }

    /** The child element of {@code parent} with the id, or {@code null}. */
    static Element child(Element parent, String id) {
        for (Element child : parent.children()) {
            if (child.hasAttr("id") && child.id().equals(id)) {
                return child;
            }
        }
        return null;
    }

    private static Node childAt(Node parent, int index, List<Integer> path) {
        if (index >= parent.childNodeSize()) {
            throw new IllegalArgumentException("no child " + index + " at " + path);
        }
        return parent.childNode(index);
    }
}
