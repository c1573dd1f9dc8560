package io.liveview.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Opens the differ's package-private {@link HtmlGenerator} to the browser suites: the renders of
 * one random view template as it is edited, as {@code DifferPropertyTest} builds them, minus the
 * form markup whose live state in a browser depends on the DOM's history and not only on the
 * HTML (see {@link #excludeContradictions}). The Java property test compares attributes only, so
 * it needs no such exclusions.
 */
public final class RandomRenders {

    /** The inputs already given a name of their own. */
    private final Set<HtmlGenerator.G> named = Collections.newSetFromMap(new IdentityHashMap<>());

    private RandomRenders() {
    }

    /**
     * Renders a random document, then edits it {@code edits} times, rendering after each edit.
     *
     * @param caseSeed the seed of the case's generator; the same seed gives the same renders
     * @param edits    how many rounds of random edits follow the first render
     * @return {@code edits + 1} renders of the view's inner HTML, the first render first
     */
    public static List<String> of(long caseSeed, int edits) {
        HtmlGenerator generator = new HtmlGenerator(new Random(caseSeed));
        RandomRenders exclusions = new RandomRenders();
        HtmlGenerator.G model = generator.document();
        List<String> renders = new ArrayList<>();
        exclusions.excludeContradictions(model);
        renders.add(generator.render(model));
        for (int i = 0; i < edits; i++) {
            generator.edit(model);
            exclusions.excludeContradictions(model);
            renders.add(generator.render(model));
        }
        return renders;
    }

    /**
     * Edits the model so that the form state a browser gives the HTML does not depend on how the
     * DOM got there: one selected option per select, and no group with two checked radios.
     */
    private void excludeContradictions(HtmlGenerator.G model) {
        oneSelectedOption(model);
        ownName(model);
    }

    /**
     * Leaves exactly one {@code selected} option in each select that has options. Of several, it
     * keeps the last, which is the one the parser selects; several are invalid HTML, and a patch
     * cannot reproduce the parser's choice (a {@code selected} set on an earlier option takes the
     * selection from a later one). Without any, it marks the first: the browser's default
     * selection then depends on the select's history, not only on its HTML (an option inserted
     * before the selected first one, or a {@code disabled} on it, leaves the selection where it
     * is, while a fresh parse selects the first enabled option).
     */
    private static void oneSelectedOption(HtmlGenerator.G node) {
        if (node.kind == HtmlGenerator.Kind.ELEMENT && "select".equals(node.tag)) {
            List<HtmlGenerator.G> options = new ArrayList<>();
            for (HtmlGenerator.G kid : node.kids) {
                for (HtmlGenerator.G option : "optgroup".equals(kid.tag) ? kid.kids : List.of(kid)) {
                    if ("option".equals(option.tag)) {
                        options.add(option);
                    }
                }
            }
            List<HtmlGenerator.G> selected = options.stream().filter(o -> o.attrs.containsKey("selected")).toList();
            if (selected.isEmpty() && !options.isEmpty()) {
                options.getFirst().attrs.put("selected", "");
            }
            for (HtmlGenerator.G option : selected.subList(0, Math.max(0, selected.size() - 1))) {
                option.attrs.remove("selected");
            }
        }
        node.kids.forEach(RandomRenders::oneSelectedOption);
    }

    /**
     * Gives every input a name of its own (the generated one, suffixed), for all its renders, so
     * that no two checked radios share a group: the parser keeps only the last of them checked,
     * which a patch applied to a live group cannot reproduce (that HTML is invalid anyway). Inputs
     * are still matched by position, so a checked radio can be renamed or retyped into another
     * one's place; the differ says {@code checked} again for those.
     */
    private void ownName(HtmlGenerator.G node) {
        if ("input".equals(node.tag) && named.add(node) && node.attrs.containsKey("name")) {
            node.attrs.put("name", node.attrs.get("name") + "~" + named.size());
        }
        node.kids.forEach(this::ownName);
    }
}
