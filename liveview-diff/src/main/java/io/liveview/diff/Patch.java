package io.liveview.diff;

import java.util.List;

/**
 * An ordered list of operations turning the client's DOM of one live root from the previous
 * render into the new one. Operations apply in order; each path is evaluated against the tree
 * as the previous operations left it.
 *
 * @param ops the operations, in application order
 */
public record Patch(List<Op> ops) {

    private static final Patch EMPTY = new Patch(List.of());

    /** Copies the list, so a patch is immutable. */
    public Patch {
        ops = List.copyOf(ops);
    }

    /**
     * The patch that changes nothing.
     *
     * @return an empty patch
     */
    public static Patch empty() {
        return EMPTY;
    }

    /**
     * Whether the patch changes nothing, so nothing needs to be sent.
     *
     * @return true when there are no operations
     */
    public boolean isEmpty() {
        return ops.isEmpty();
    }
}
