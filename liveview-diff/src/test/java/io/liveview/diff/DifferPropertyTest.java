package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Differential test: for random templates and random edits ({@link HtmlGenerator}), applying the
 * patch to the client's tree yields the parsed new render.
 *
 * <p>Each case renders a random document, then runs {@value #STEPS} rounds of random edits; each
 * round diffs the previous render against the new one, round-trips the patch through
 * {@link PatchCodec}, applies the decoded patch to the same evolving tree (so patches compose as
 * on a real client) and compares that tree with {@code Html.parseFragment(newRender)} under the
 * normalization of {@link Trees}: node by node, attributes as sets, {@code checked} and
 * {@code selected} by presence. It also checks that re-rendering an unchanged model (other
 * entity spellings, quotes, attribute order) diffs to an empty patch.
 *
 * <p>System properties: {@code liveview.diff.seed} sets the run's seed (random by default, printed
 * on failure), {@code liveview.diff.cases} the number of cases (default 10,000).
 */
class DifferPropertyTest {

    private static final int STEPS = 2;

    private final Differ differ = new Differ();

    @Test
    void patchesTurnTheOldTreeIntoTheNewOne() {
        long seed = Long.getLong("liveview.diff.seed", new Random().nextLong());
        int cases = Integer.getInteger("liveview.diff.cases", 10_000);
        Random seeds = new Random(seed);
        Map<String, Long> counts = new TreeMap<>();
        for (int c = 0; c < cases; c++) {
            long caseSeed = seeds.nextLong();
            try {
                runCase(caseSeed, counts);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + c + " failed; rerun with -Dliveview.diff.seed=" + seed
                        + " (case seed " + caseSeed + ")\n" + e.getMessage(), e);
            }
        }
        System.out.printf("seed %d, %d cases of %d edits, operations by kind: %s%n",
                seed, cases, STEPS, counts);
        for (String kind : new String[] {
                "SetText", "SetAttr", "RemoveAttr", "SetProperty", "Insert", "Remove", "Move", "Replace", "ReplaceChildren"}) {
            assertTrue(counts.getOrDefault(kind, 0L) > 0, "no " + kind + " in " + counts);
        }
    }

    private void runCase(long caseSeed, Map<String, Long> counts) {
        HtmlGenerator generator = new HtmlGenerator(new Random(caseSeed));
        HtmlGenerator.G model = generator.document();
        String html = generator.render(model);
        Element dom = Html.parseFragment(html);
        Snapshot snapshot = Snapshot.of(html);
        for (int step = 0; step < STEPS; step++) {
            generator.edit(model);
            String next = generator.render(model);
            Differ.Result result = differ.diff(snapshot, next);
            String json = PatchCodec.encode(result.patch());
            Patch decoded = PatchCodec.decode(json);
            String context = "\nold:   " + Trees.visible(snapshot.html())
                    + "\nnew:   " + Trees.visible(next)
                    + "\npatch: " + Trees.visible(json);
            assertEquals(result.patch(), decoded, "codec round trip" + context);
            try {
                PatchApplier.apply(decoded, dom);
            } catch (RuntimeException e) {
                throw new AssertionError("patch does not apply: " + e + context, e);
            }
            assertEquals(Trees.canonical(Html.parseFragment(next)), Trees.canonical(dom), context);
            Patch again = differ.diff(result.next(), generator.render(model)).patch();
            assertTrue(again.isEmpty(), "re-render gave " + PatchCodec.encode(again) + context);
            for (Op op : decoded.ops()) {
                counts.merge(op.getClass().getSimpleName(), 1L, Long::sum);
            }
            snapshot = result.next();
        }
    }
}
