package io.liveview.diff;

import java.util.AbstractList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A new render found by {@link Narrowing}: its packing, and its tree as far as the differ reads
 * it. Only the elements around the differing children are built (without children of their
 * own), and the differing children parsed; any other node is unpacked when the differ asks for
 * it, which it does only for nodes it compares, seldom any but these.
 *
 * @param packing the packing of the new render, equal to that of its full parse
 * @param root the new root
 * @param children the children of the root and of the other elements around the differing
 *     children
 */
record NarrowedRender(PackedTree.Packing packing, Element root, Map<Node, List<Node>> children) {

    /**
     * The narrowed render.
     *
     * @param packing the packing of the new render
     * @param path for each level from the root to the element whose children differ, the index
     *     of the child on the way down; for that element, the index of the first differing child
     * @param level the level of that element (0 for the root)
     * @param parsed the new differing children
     * @return the render
     */
    static NarrowedRender of(PackedTree.Packing packing, int[] path, int level, List<Node> parsed) {
        Map<Node, List<Node>> children = new IdentityHashMap<>();
        Element root = PackedTree.shell(packing.bytes(), 0);
        Element element = root;
        int index = 0;
        for (int k = 0; ; k++) {
            int[] indexes = childIndexes(packing, index);
            if (k == level) {
                children.put(element, new Children(packing, indexes, path[k], parsed, null));
                return new NarrowedRender(packing, root, children);
            }
            index = indexes[path[k]];
            Element next = PackedTree.shell(packing.bytes(), packing.starts()[index]);
            children.put(element, new Children(packing, indexes, path[k], List.of(), next));
            element = next;
        }
    }

    /** The children of a new node as the differ reads them. */
    List<Node> childrenOf(Element parent) {
        List<Node> list = children.get(parent);
        return list != null ? list : parent.childNodes();
    }

    private static int[] childIndexes(PackedTree.Packing packing, int index) {
        int[] indexes = new int[PackedNode.at(packing.bytes(), packing.starts()[index]).childCount()];
        for (int j = 0, child = index + 1; j < indexes.length; child += packing.sizes()[child], j++) {
            indexes[j] = child;
        }
        return indexes;
    }

    /**
     * The children of an element around the differing ones: from {@code from} on, the given
     * nodes ({@code next}, the element on the way down, or the parsed children); the others
     * unpacked on first use.
     */
    private static final class Children extends AbstractList<Node> {
        private final PackedTree.Packing packing;
        private final int[] indexes;
        private final Node[] nodes;

        Children(PackedTree.Packing packing, int[] indexes, int from, List<Node> parsed, Element next) {
            this.packing = packing;
            this.indexes = indexes;
            this.nodes = new Node[indexes.length];
            if (next != null) {
                nodes[from] = next;
            }
            for (int j = 0; j < parsed.size(); j++) {
                nodes[from + j] = parsed.get(j);
            }
        }

        @Override
        public Node get(int j) {
            if (nodes[j] == null) {
                nodes[j] = PackedTree.unpack(packing.bytes(), packing.starts()[indexes[j]]);
            }
            return nodes[j];
        }

        @Override
        public int size() {
            return nodes.length;
        }
    }
}
