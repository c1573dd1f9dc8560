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

    Snapshot(byte[] packed) {
        this.packed = packed;
    }

    /**
     * The snapshot of a render.
     *
     * @param innerHtml the view's template output (the inner HTML of its live root)
     * @return the snapshot
     */
    public static Snapshot of(String innerHtml) {
        Objects.requireNonNull(innerHtml, "innerHtml");
        return new Snapshot(PackedTree.pack(Html.parseFragment(innerHtml), innerHtml.length()).bytes());
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

    /** The packed tree of the render. */
    byte[] packed() {
        return packed;
    }
}
