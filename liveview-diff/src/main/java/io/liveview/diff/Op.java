package io.liveview.diff;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a {@link Patch}, as defined in the "Patches" section of
 * {@code docs/protocol.md}.
 *
 * <p>A path is the list of child indexes (counting every child node: elements, text, comments)
 * from the live root element down to a node; the root is the empty path. Paths are evaluated
 * against the tree as the previous operations of the same patch left it.
 */
public sealed interface Op {

    /**
     * Sets the data of a text or comment node. JSON: {@code ["t", path, text]}.
     *
     * @param path the text or comment node
     * @param text its new data
     */
    record SetText(List<Integer> path, String text) implements Op {
        /** Validates and copies the path. */
        public SetText {
            path = checkPath(path);
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Sets an attribute. JSON: {@code ["a", path, name, value]}.
     *
     * @param path the element
     * @param name the attribute name
     * @param value the attribute value
     */
    record SetAttr(List<Integer> path, String name, String value) implements Op {
        /** Validates and copies the path. */
        public SetAttr {
            path = checkPath(path);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Removes an attribute. JSON: {@code ["r", path, name]}.
     *
     * @param path the element
     * @param name the attribute name
     */
    record RemoveAttr(List<Integer> path, String name) implements Op {
        /** Validates and copies the path. */
        public RemoveAttr {
            path = checkPath(path);
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Sets a form property and its default. JSON: {@code ["p", path, name, value]}.
     *
     * <p>{@code "value"} (a {@link String}) on an {@code input} or {@code textarea};
     * {@code "checked"} (a {@link Boolean}) on an {@code input}; {@code "selected"} (a
     * {@link Boolean}) on an {@code option}.
     *
     * @param path the form field
     * @param name {@code "value"}, {@code "checked"} or {@code "selected"}
     * @param value a String for {@code "value"}, a Boolean otherwise
     */
    record SetProperty(List<Integer> path, String name, Object value) implements Op {
        /** Validates the name against the value's type and copies the path. */
        public SetProperty {
            path = checkPath(path);
            boolean valid = switch (name) {
                case "value" -> value instanceof String;
                case "checked", "selected" -> value instanceof Boolean;
                case null, default -> false;
            };
            if (!valid) {
                throw new IllegalArgumentException("bad property " + name + " = " + value);
            }
        }
    }

    /**
     * Inserts the nodes parsed from {@code html}, in the context of the parent, before child
     * {@code index}. JSON: {@code ["i", parentPath, index, html]}.
     *
     * <p>{@code index} equal to the child count appends. {@link #END} appends too; the differ
     * uses it for {@code lv-update="append"} containers, whose child count only the client knows.
     * Inside an {@code lv-update="append"} or {@code "prepend"} container, an inserted element
     * whose {@code id} equals that of an existing child element replaces that child in place
     * instead of being inserted.
     *
     * @param parentPath the parent element
     * @param index the child index the first inserted node gets, or {@link #END}
     * @param html markup serialized from the new render
     */
    record Insert(List<Integer> parentPath, int index, String html) implements Op {
        /** The index that appends after the last child, whatever the child count. */
        public static final int END = -1;

        /** Validates and copies the path. */
        public Insert {
            parentPath = checkPath(parentPath);
            if (index < END) {
                throw new IllegalArgumentException("bad index " + index);
            }
            Objects.requireNonNull(html, "html");
        }
    }

    /**
     * Removes a node. JSON: {@code ["d", path]}.
     *
     * @param path the node (never the root)
     */
    record Remove(List<Integer> path) implements Op {
        /** Validates and copies the path. */
        public Remove {
            path = checkPath(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("the root cannot be removed");
            }
        }
    }

    /**
     * Takes child {@code from} out of the parent and re-inserts it so that it becomes child
     * {@code to}. JSON: {@code ["m", parentPath, from, to]}.
     *
     * @param parentPath the parent element
     * @param from the child's index before the move
     * @param to the child's index after the move
     */
    record Move(List<Integer> parentPath, int from, int to) implements Op {
        /** Validates and copies the path. */
        public Move {
            parentPath = checkPath(parentPath);
            if (from < 0 || to < 0) {
                throw new IllegalArgumentException("bad move " + from + " -> " + to);
            }
        }
    }

    /**
     * Replaces a node with the nodes parsed from {@code html} in the context of its parent.
     * JSON: {@code ["x", path, html]}.
     *
     * @param path the node (never the root)
     * @param html markup serialized from the new render
     */
    record Replace(List<Integer> path, String html) implements Op {
        /** Validates and copies the path. */
        public Replace {
            path = checkPath(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("the root cannot be replaced");
            }
            Objects.requireNonNull(html, "html");
        }
    }

    /**
     * Replaces all children of an element with the nodes parsed from {@code html} in its context:
     * one operation where removing every child one by one (a cleared or swapped list) would take
     * one per node. JSON: {@code ["h", path, html]}.
     *
     * @param path the element, possibly the root
     * @param html markup serialized from the new render; empty to clear
     */
    record ReplaceChildren(List<Integer> path, String html) implements Op {
        /** Validates and copies the path. */
        public ReplaceChildren {
            path = checkPath(path);
            Objects.requireNonNull(html, "html");
        }
    }

    private static List<Integer> checkPath(List<Integer> path) {
        List<Integer> copy = List.copyOf(path);
        for (int index : copy) {
            if (index < 0) {
                throw new IllegalArgumentException("bad path " + copy);
            }
        }
        return copy;
    }
}
