package io.liveview.diff;

import java.util.Objects;

/**
 * What a connected view retains of its previous render, to diff the next one against.
 *
 * <p>The render is kept parsed but packed into one byte array ({@link PackedTree}), about the
 * size of its HTML: the differ reads the previous render from it without parsing HTML again,
 * and skips every subtree whose bytes did not change. A jsoup tree of the same render would
 * weigh about eight times as much.
 */
public final class Snapshot {

    private final byte[] packed;
    private final boolean element;

    Snapshot(byte[] packed, boolean element) {
        this.packed = packed;
        this.element = element;
    }

    /**
     * The snapshot of a render.
     *
     * @param innerHtml the view's template output (the inner HTML of its live root)
     * @return the snapshot
     */
    public static Snapshot of(String innerHtml) {
        Objects.requireNonNull(innerHtml, "innerHtml");
        return new Snapshot(PackedTree.pack(Html.parseFragment(innerHtml), innerHtml.length()).bytes(), false);
    }

    /**
     * The snapshot of the render of one element, a component's: the patches of its later renders
     * address a parent holding that element alone, so every path starts with 0, the element
     * ({@link PatchApplier#applyToElement}).
     *
     * @param outerHtml the element's markup, nothing around it
     * @return the snapshot
     * @throws IllegalArgumentException if the markup is not one element
     */
    public static Snapshot ofElement(String outerHtml) {
        Objects.requireNonNull(outerHtml, "outerHtml");
        return new Snapshot(PackedTree.pack(Html.parseElement(outerHtml), outerHtml.length()).bytes(), true);
    }

    /**
     * The render this snapshot was taken of, serialized again from the retained tree: for
     * diagnostics, it is not kept as a string.
     *
     * @return inner HTML that parses to the same nodes as the render, though possibly spelled
     *     differently (entities, quotes, attribute values of boolean attributes)
     */
    public String html() {
        return Html.innerHtml(PackedTree.unpack(packed));
    }

    /** Whether this is the snapshot of one element's render ({@link #ofElement}). */
    boolean element() {
        return element;
    }

    /** The packed tree of the render. */
    byte[] packed() {
        return packed;
    }
}
