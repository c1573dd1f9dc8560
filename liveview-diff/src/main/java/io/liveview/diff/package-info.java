/**
 * Diffs two renders of a live view into the DOM patch of {@code docs/protocol.md}.
 *
 * <p>The server keeps a {@link io.liveview.diff.Snapshot} per connected view and, on each
 * render, calls {@link io.liveview.diff.Differ#diff} and sends
 * {@link io.liveview.diff.PatchCodec#encode} of the patch. {@link io.liveview.diff.Html} parses
 * and serializes HTML as browsers do; {@link io.liveview.diff.PatchApplier} applies a patch to a
 * jsoup tree as the browser client does, for tests.
 */
package io.liveview.diff;
