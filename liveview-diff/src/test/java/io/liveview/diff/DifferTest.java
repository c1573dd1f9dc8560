package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Focused cases of {@link Differ}; each also checks the patch transforms old into new. */
class DifferTest {

    private final Differ differ = new Differ();

    /** Diffs, checks the patch with {@link PatchApplier} and the codec, and returns its ops. */
    private List<Op> ops(String before, String after) {
        Patch patch = differ.diff(Snapshot.of(before), after).patch();
        Trees.assertPatchTransforms(before, patch, after);
        assertEquals(patch, PatchCodec.decode(PatchCodec.encode(patch)));
        return patch.ops();
    }

    private static List<Integer> path(Integer... indexes) {
        return List.of(indexes);
    }

    @Nested
    class Basics {

        @Test
        void sameRenderGivesAnEmptyPatchAndTheNewSnapshot() {
            Snapshot previous = Snapshot.of("<p>x</p>");
            Differ.Result result = differ.diff(previous, "<p>x</p>");
            assertTrue(result.patch().isEmpty());
            assertEquals("<p>x</p>", result.next().html());
        }

        @Test
        void changedRenderGivesANonEmptyPatchAndTheNewSnapshot() {
            Differ.Result result = differ.diff(Snapshot.of("<p>x</p>"), "<p>y</p>");
            assertFalse(result.patch().isEmpty());
            assertEquals("<p>y</p>", result.next().html());
        }

        @Test
        void spellingAndAttributeOrderAloneGiveAnEmptyPatch() {
            assertEquals(List.of(), ops(
                    "<p class=\"a\" title='x &amp; y'>caf&eacute; &lt;&nbsp;</p><input checked>",
                    "<p title=\"x &#38; y\" class=a>caf\u00e9 &#60;\u00a0</p><input checked=\"\">"));
        }

        @Test
        void changedTextIsSetText() {
            assertEquals(List.of(new Op.SetText(path(1, 0), "c")),
                    ops("<p>a</p><p>b</p>", "<p>a</p><p>c</p>"));
        }

        @Test
        void changedCommentIsSetText() {
            assertEquals(List.of(new Op.SetText(path(0), " b ")),
                    ops("<!-- a --><p>x</p>", "<!-- b --><p>x</p>"));
        }

        @Test
        void changedScriptIsSetTextOnItsData() {
            assertEquals(List.of(new Op.SetText(path(0, 0), "let b = a < 2;")),
                    ops("<script>let a = 1;</script>", "<script>let b = a < 2;</script>"));
        }

        @Test
        void attributesAreRemovedThenSet() {
            assertEquals(
                    List.of(new Op.RemoveAttr(path(0), "class"), new Op.SetAttr(path(0), "href", "/b"),
                            new Op.SetAttr(path(0), "title", "T")),
                    ops("<a href=\"/a\" class=\"x\">t</a>", "<a href=\"/b\" title=\"T\">t</a>"));
        }

        @Test
        void svgAttributesKeepTheirCase() {
            assertEquals(List.of(new Op.SetAttr(path(0), "viewBox", "0 0 2 2")),
                    ops("<svg viewBox=\"0 0 1 1\"></svg>", "<svg viewBox=\"0 0 2 2\"></svg>"));
        }

        @Test
        void newLastChildIsInsertedAtTheEnd() {
            assertEquals(List.of(new Op.Insert(path(0), 1, "<li>b</li>")),
                    ops("<ul><li>a</li></ul>", "<ul><li>a</li><li>b</li></ul>"));
        }

        @Test
        void consecutiveNewChildrenAreOneInsert() {
            assertEquals(List.of(new Op.Insert(path(), 1, "<ul></ul><ol></ol>")),
                    ops("<p>a</p><hr>", "<p>a</p><ul></ul><ol></ol><hr>"));
        }

        @Test
        void unkeyedSiblingsMatchByPosition() {
            assertEquals(List.of(new Op.Insert(path(0), 2, "<li>c</li><li>d</li>"),
                            new Op.SetText(path(0, 1, 0), "b")),
                    ops("<ul><li>a</li><li>d</li></ul>",
                            "<ul><li>a</li><li>b</li><li>c</li><li>d</li></ul>"));
        }

        @Test
        void missingChildIsRemoved() {
            assertEquals(List.of(new Op.Remove(path(1))), ops("<p>a</p><div>b</div>", "<p>a</p>"));
        }

        @Test
        void removingAMiddleChildDoesNotShiftTheTrailingOnes() {
            assertEquals(List.of(new Op.Remove(path(1))),
                    ops("<p>a</p><div>b</div><span>c</span>", "<p>a</p><span>c</span>"));
        }

        @Test
        void removingACommentBeforeTextDoesNotShiftTheText() {
            // A comment and a text node are never patched into each other: the text stays matched.
            assertEquals(List.of(new Op.Remove(path(1))), ops("<p>x</p><!--c-->t", "<p>x</p>t"));
        }

        @Test
        void anotherTagIsReplace() {
            assertEquals(List.of(new Op.Replace(path(0), "<div>a</div>")),
                    ops("<p>a</p>", "<div>a</div>"));
        }

        @Test
        void anotherNodeKindIsReplace() {
            assertEquals(List.of(new Op.Replace(path(0, 0), "<b>a</b>")),
                    ops("<p>a</p>", "<p><b>a</b></p>"));
        }

        @Test
        void keyedSiblingsMove() {
            assertEquals(List.of(new Op.Move(path(0), 2, 0)),
                    ops("<ul><li id=a>A</li><li id=b>B</li><li id=c>C</li></ul>",
                            "<ul><li id=c>C</li><li id=a>A</li><li id=b>B</li></ul>"));
        }

        @Test
        void lvKeyMatchesToo() {
            assertEquals(List.of(new Op.Move(path(0), 1, 0), new Op.SetText(path(0, 1, 0), "A2")),
                    ops("<ul><li lv-key=1>A</li><li lv-key=2>B</li></ul>",
                            "<ul><li lv-key=2>B</li><li lv-key=1>A2</li></ul>"));
        }

        @Test
        void sameKeyWithAnotherTagIsReplaced() {
            assertEquals(List.of(new Op.Replace(path(0), "<section id=\"a\">x</section>")),
                    ops("<div id=a>x</div>", "<section id=a>x</section>"));
        }

        @Test
        void opsBelowAMovedChildUseItsNewIndex() {
            assertEquals(List.of(new Op.Move(path(), 1, 0), new Op.SetAttr(path(0), "class", "on")),
                    ops("<p id=a>A</p><p id=b>B</p>", "<p id=b class=on>B</p><p id=a>A</p>"));
        }

        @Test
        void templateAndNoscriptAreReplacedWhole() {
            assertEquals(List.of(new Op.Replace(path(0), "<template><b>2</b></template>")),
                    ops("<template><b>1</b></template>", "<template><b>2</b></template>"));
            assertEquals(List.of(new Op.Replace(path(0), "<noscript><b>2</b></noscript>")),
                    ops("<noscript><b>1</b></noscript>", "<noscript><b>2</b></noscript>"));
        }
    }

    @Nested
    class KeyedRows {

        private static final int ROWS = 1_000;

        private static String table(List<Integer> ids, IntFunction<String> cell, String space) {
            return "<table>" + ids.stream()
                    .map(id -> space + "<tr id=\"r" + id + "\"><td>" + id + "</td><td>" + cell.apply(id)
                            + "</td></tr>")
                    .collect(Collectors.joining()) + space + "</table>";
        }

        private static List<Integer> ids() {
            return new ArrayList<>(IntStream.range(0, ROWS).boxed().toList());
        }

        @Test
        void changingOneValueTouchesOnlyThatRow() {
            String before = table(ids(), id -> "v", "\n  ");
            String after = table(ids(), id -> id == 500 ? "changed" : "v", "\n  ");
            // The table's children: whitespace, then the implied tbody, where row 500 is child 1000.
            assertEquals(List.of(new Op.SetText(path(0, 1, 1000, 1, 0), "changed")), ops(before, after));
        }

        @Test
        void insertingAtTheTopIsOneInsert() {
            List<Integer> more = ids();
            more.addFirst(-1);
            String row = "<tr id=\"r-1\"><td>-1</td><td>v</td></tr>";
            assertEquals(List.of(new Op.Insert(path(0, 0), 0, row)),
                    ops(table(ids(), id -> "v", ""), table(more, id -> "v", "")));
            List<Op> spaced = ops(table(ids(), id -> "v", "\n"), table(more, id -> "v", "\n"));
            assertEquals(1, spaced.size());
            assertInstanceOf(Op.Insert.class, spaced.getFirst());
        }

        @Test
        void deletingOneRowIsOneRemove() {
            List<Integer> fewer = ids();
            fewer.remove(Integer.valueOf(700));
            assertEquals(List.of(new Op.Remove(path(0, 0, 700))),
                    ops(table(ids(), id -> "v", ""), table(fewer, id -> "v", "")));
            // With whitespace between rows, the row and one whitespace node go.
            List<Op> spaced = ops(table(ids(), id -> "v", "\n"), table(fewer, id -> "v", "\n"));
            assertEquals(2, spaced.size());
            assertTrue(spaced.stream().allMatch(op -> op instanceof Op.Remove));
        }

        @Test
        void reorderingOnlyMovesRows() {
            List<Integer> shuffled = ids();
            Collections.shuffle(shuffled, new Random(42));
            List<Op> ops = ops(table(ids(), id -> "v", ""), table(shuffled, id -> "v", ""));
            assertTrue(ops.stream().allMatch(op -> op instanceof Op.Move), "only moves");
            assertTrue(ops.size() < ROWS - 30, "rows on a longest increasing run stay: " + ops.size());
            // With whitespace between rows, the whitespace stays and rows move between it.
            List<Op> spaced = ops(table(ids(), id -> "v", "\n  "), table(shuffled, id -> "v", "\n  "));
            assertTrue(spaced.stream().allMatch(op -> op instanceof Op.Move), "only moves");
            assertTrue(spaced.size() <= ROWS, "moves: " + spaced.size());
        }

        @Test
        void reversingMovesRowsOnly() {
            List<Integer> reversed = ids().reversed();
            List<Op> ops = ops(table(ids(), id -> "v", ""), table(reversed, id -> "v", ""));
            assertEquals(ROWS - 1, ops.size());
            assertTrue(ops.stream().allMatch(op -> op instanceof Op.Move));
            // With whitespace between rows, the whitespace stays and every row moves between it.
            List<Op> spaced = ops(table(ids(), id -> "v", "\n"), table(reversed, id -> "v", "\n"));
            assertTrue(spaced.size() <= ROWS, "moves: " + spaced.size());
            assertTrue(spaced.stream().allMatch(op -> op instanceof Op.Move));
        }

        @Test
        void movingTheLastRowToTheTopIsOneMove() {
            List<Integer> rotated = ids();
            rotated.addFirst(rotated.removeLast());
            assertEquals(List.of(new Op.Move(path(0, 0), ROWS - 1, 0)),
                    ops(table(ids(), id -> "v", ""), table(rotated, id -> "v", "")));
        }
    }

    /**
     * Keyed siblings that move take whichever matching of the unkeyed siblings around them (within
     * the gaps between the keyed ones that stay, or across the whole list) needs fewer operations;
     * each patch below is the shortest there is.
     */
    @Nested
    class FewestOperations {

        private List<String> kinds(String before, String after) {
            return ops("<ul>" + before + "</ul>", "<ul>" + after + "</ul>").stream()
                    .map(op -> op.getClass().getSimpleName())
                    .toList();
        }

        @Test
        void swappingTwoItemsPastTheirLeadingWhitespaceIsTwoMoves() {
            assertEquals(List.of("Move", "Move"),
                    kinds(" <li id=a>a</li><li id=b>b</li>", "<li id=b>b</li><li id=a>a</li> "));
        }

        @Test
        void swappingTwoItemsAndDroppingTheirLeadingWhitespaceIsARemoveAndAMove() {
            assertEquals(List.of("Remove", "Move"),
                    kinds(" <li id=a>a</li><li id=b>b</li>\n", "<li id=b>b</li><li id=a>a</li>\n"));
        }

        @Test
        void movingAnItemPastTheWhitespaceAfterItsNeighbourIsOneMove() {
            assertEquals(List.of("Move"),
                    kinds("<li id=a>a</li><li id=b>b</li>\n", "<li id=b>b</li>\n<li id=a>a</li>"));
        }

        @Test
        void swappingTwoItemsAndAddingWhitespaceKeepsTheOldWhitespace() {
            assertEquals(List.of("Insert", "Move"),
                    kinds("<li id=a>a</li><li id=b>b</li>\n", "<li id=b>b</li> <li id=a>a</li>\n"));
        }

        @Test
        void swappingTwoItemsAndAppendingIsOneInsertAndOneMove() {
            assertEquals(List.of("Insert", "Move"),
                    kinds("<li id=a>a</li><li id=b>b</li> ",
                            "<li id=b>b</li> <li id=a>a</li> <!--c-->"));
        }
    }

    @Nested
    class FormFields {

        @Test
        void inputValueIsAProperty() {
            assertEquals(List.of(new Op.SetProperty(path(0), "value", "new")),
                    ops("<input name=a value=old>", "<input name=a value=new>"));
        }

        @Test
        void removedInputValueClearsThePropertyThenTheAttribute() {
            assertEquals(
                    List.of(new Op.SetProperty(path(0), "value", ""), new Op.RemoveAttr(path(0), "value")),
                    ops("<input name=a value=old>", "<input name=a>"));
        }

        @Test
        void aCheckedRadioMovedIntoAnotherGroupIsCheckedAgain() {
            // In a browser the renamed radio unchecks its new group's radio, which the render checks.
            assertEquals(List.of(
                            new Op.SetAttr(path(0), "name", "b"),
                            new Op.SetProperty(path(0), "checked", true),
                            new Op.SetAttr(path(1), "name", "a"),
                            new Op.SetProperty(path(1), "checked", true)),
                    ops("<input type=radio name=a checked><input type=radio name=b checked>",
                            "<input type=radio name=b checked><input type=radio name=a checked>"));
            assertEquals(List.of(new Op.SetAttr(path(0), "type", "radio")),
                    ops("<input type=checkbox name=a>", "<input type=radio name=a>"),
                    "an unchecked input needs nothing more");
        }

        @Test
        void aListWhoseChildrenAllGoIsReplacedInOneOperation() {
            assertEquals(List.of(new Op.ReplaceChildren(path(0), "")),
                    ops("<ul>\n  <li>a</li>\n  <li id=b>b</li>\n</ul>", "<ul></ul>"));
            assertEquals(List.of(new Op.ReplaceChildren(path(0), "<li id=\"c\">c</li>")),
                    ops("<ul><li id=a>a</li><li id=b>b</li></ul>", "<ul><li id=c>c</li></ul>"));
            assertEquals(List.of(new Op.ReplaceChildren(path(0), "\n")),
                    ops("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>", "<ul>\n</ul>"), "whitespace kept is no reason to go one by one");
            assertEquals(List.of(new Op.Remove(path(0, 0))),
                    ops("<ul><li id=a>a</li></ul>", "<ul></ul>"), "a single element is removed as usual");
            assertEquals(List.of(new Op.Remove(path(0, 1)), new Op.SetText(path(0, 0), "b")),
                    ops("<p>a<b>x</b></p>", "<p>b</p>"), "text next to one element goes as usual");
        }

        @Test
        void checkedIsABooleanProperty() {
            assertEquals(List.of(new Op.SetProperty(path(0), "checked", true)),
                    ops("<input type=checkbox>", "<input type=checkbox checked>"));
            assertEquals(List.of(new Op.SetProperty(path(0), "checked", false)),
                    ops("<input type=radio checked=checked>", "<input type=radio>"));
        }

        @Test
        void selectedIsABooleanPropertyOfTheOption() {
            assertEquals(
                    List.of(new Op.SetProperty(path(0, 0), "selected", false),
                            new Op.SetProperty(path(0, 1), "selected", true)),
                    ops("<select><option value=1 selected>a</option><option value=2>b</option></select>",
                            "<select><option value=1>a</option><option value=2 selected>b</option></select>"));
        }

        @Test
        void textareaTextIsTheValueProperty() {
            assertEquals(List.of(new Op.SetProperty(path(0), "value", "\nnew <b>")),
                    ops("<textarea>old</textarea>", "<textarea>\n\nnew &lt;b></textarea>"));
            assertEquals(List.of(new Op.SetProperty(path(0), "value", "")),
                    ops("<textarea>old</textarea>", "<textarea></textarea>"));
            assertEquals(List.of(new Op.SetProperty(path(0), "value", "x")),
                    ops("<textarea></textarea>", "<textarea>x</textarea>"));
        }

        @Test
        void typeChangesBeforeOtherAttributesAndProperties() {
            assertEquals(
                    List.of(new Op.SetAttr(path(0), "type", "checkbox"), new Op.SetAttr(path(0), "name", "b"),
                            new Op.SetProperty(path(0), "value", "on"),
                            new Op.SetProperty(path(0), "checked", true)),
                    ops("<input name=a type=text value=x>", "<input name=b value=on checked type=checkbox>"));
        }

        @Test
        void otherAttributesOfFieldsStayAttributes() {
            assertEquals(
                    List.of(new Op.SetAttr(path(0), "placeholder", "p"),
                            new Op.SetAttr(path(1, 0), "value", "2")),
                    ops("<input><select><option value=1>a</option></select>",
                            "<input placeholder=p><select><option value=2>a</option></select>"));
        }
    }

    @Nested
    class Streams {

        private static String container(String order, String items) {
            return "<p>top</p><ul id=s lv-stream='" + order + "'>" + items + "</ul>";
        }

        /** The patch alone: the client's DOM is not the new render, it holds what earlier renders streamed. */
        private List<Op> streamOps(String before, String after) {
            return differ.diff(Snapshot.of(before), after).patch().ops();
        }

        /** The client's DOM after the patch from {@code before} to {@code after}, from what it holds. */
        private String applied(String holds, String before, String after) {
            Element dom = Html.parseFragment(holds);
            PatchApplier.apply(differ.diff(Snapshot.of(before), after).patch(), dom);
            return Html.innerHtml(dom.selectFirst("#s"));
        }

        @Test
        void aSnapshotKeepsNoneOfAStreamsItems() {
            Snapshot snapshot = Snapshot.of(container("{\"n\":1}", "<li id=a>1</li><li id=b>2</li>"));
            assertEquals("<p>top</p><ul id=\"s\" lv-stream=\"{&quot;n&quot;:1}\"></ul>", snapshot.html());
        }

        @Test
        void everyItemOfARenderIsOneInsertAfterTheOrder() {
            assertEquals(List.of(new Op.SetAttr(path(1), "lv-stream", "{\"n\":2}"),
                            new Op.Insert(path(1), Op.Insert.END, "<li id=\"c\">3</li><li id=\"d\">4</li>")),
                    streamOps(container("{\"n\":1}", "<li id=a>1</li>"), container("{\"n\":2}", "<li id=c>3</li>\n<li id=d>4</li>")));
            assertEquals(List.of(), streamOps(container("{\"n\":2}", "<li id=c>3</li>"), container("{\"n\":2}", "")),
                    "a render that streamed nothing changes nothing");
        }

        @Test
        void itemsGoWhereTheOrderSaysAndReplaceTheirNamesakes() {
            String holds = container("{\"n\":1}", "<li id=a>1</li><li id=b>2</li>");
            assertEquals("<li id=\"a\">1</li><li id=\"b\">2!</li><li id=\"c\">3</li>",
                    applied(holds, container("{\"n\":1}", ""), container("{\"n\":2}", "<li id=b>2!</li><li id=c>3</li>")));
            assertEquals("<li id=\"c\">3</li><li id=\"a\">1</li><li id=\"d\">4</li><li id=\"b\">2</li>",
                    applied(holds, container("{\"n\":1}", ""),
                            container("{\"n\":2,\"at\":{\"c\":0,\"d\":2}}", "<li id=c>3</li><li id=d>4</li>")));
        }

        @Test
        void deletesResetsAndLimitsApply() {
            String holds = container("{\"n\":1}", "<li id=a>1</li><li id=b>2</li><li id=c>3</li>");
            String before = container("{\"n\":1}", "");
            assertEquals("<li id=\"a\">1</li><li id=\"c\">3</li>",
                    applied(holds, before, container("{\"n\":2,\"del\":[\"b\"]}", "")));
            assertEquals("<li id=\"z\">26</li>",
                    applied(holds, before, container("{\"n\":2,\"reset\":true}", "<li id=z>26</li>")));
            assertEquals("<li id=\"d\">4</li><li id=\"a\">1</li>",
                    applied(holds, before, container("{\"n\":2,\"at\":{\"d\":0},\"limit\":2}", "<li id=d>4</li>")),
                    "a positive limit keeps the first items");
            assertEquals("<li id=\"c\">3</li><li id=\"d\">4</li>",
                    applied(holds, before, container("{\"n\":2,\"limit\":-2}", "<li id=d>4</li>")),
                    "a negative limit keeps the last items");
        }
    }

    @Nested
    class Components {

        /** Diffs one element's renders and applies the patch to that element inside a page. */
        private List<Op> elementOps(String before, String after, String page) {
            Patch patch = differ.diff(Snapshot.ofElement(before), after).patch();
            Element root = Html.parseFragment(page.replace("@", before));
            PatchApplier.applyToElement(patch, root.selectFirst("[lv-cid]"));
            assertEquals(Html.innerHtml(Html.parseFragment(page.replace("@", after))), Html.innerHtml(root));
            return patch.ops();
        }

        @Test
        void aRowComponentIsParsedAsARowAndPatchedFromZero() {
            List<Op> ops = elementOps(
                    "<tr lv-cid=\"3\"><td>a</td><td>1</td></tr>",
                    "<tr lv-cid=\"3\"><td>a</td><td>2</td></tr>",
                    "<table><tbody><tr><td>x</td></tr>@<tr><td>y</td></tr></tbody></table>");
            assertEquals(List.of(new Op.SetText(path(0, 1, 0), "2")), ops);
        }

        @Test
        void anotherRootTagReplacesTheElementInItsParent() {
            List<Op> ops = elementOps(
                    "<li lv-cid=\"1\">a</li>",
                    "<p lv-cid=\"1\">b</p>",
                    "<div>x@y</div>");
            assertEquals(List.of(new Op.Replace(path(0), "<p lv-cid=\"1\">b</p>")), ops);
        }

        @Test
        void optionsAndCellsKeepTheirTags() {
            assertEquals("<option value=\"1\">a</option>", Snapshot.ofElement("<option value=\"1\">a</option>").html());
            assertEquals("<td>a</td>", Snapshot.ofElement("<td>a</td>").html());
            assertEquals("<tbody><tr><td>a</td></tr></tbody>", Snapshot.ofElement("<tbody><tr><td>a</td></tr></tbody>").html());
        }

        @Test
        void markupThatIsNotOneElementIsRefused() {
            for (String bad : List.of("", "text", "<p>a</p><p>b</p>", " <p>a</p>", "<p>a</p>x")) {
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class, () -> Snapshot.ofElement(bad), bad);
                assertTrue(e.getMessage().contains("exactly one element"), e.getMessage());
            }
            Snapshot one = Snapshot.ofElement("<p>a</p>");
            assertThrows(
                    IllegalArgumentException.class, () -> differ.diff(one, "<p>a</p><p>b</p>"));
        }

        @Test
        void placeholdersAreKeyedByComponentSoReorderingOnlyMoves() {
            String before = "<table><tbody><tr lv-cid=\"1\"></tr><tr lv-cid=\"2\"></tr><tr lv-cid=\"3\"></tr></tbody></table>";
            String after = "<table><tbody><tr lv-cid=\"3\"></tr><tr lv-cid=\"1\"></tr><tr lv-cid=\"2\"></tr></tbody></table>";
            List<Op> ops = ops(before, after);
            assertEquals(1, ops.size(), ops.toString());
            assertInstanceOf(Op.Move.class, ops.getFirst());
        }

        @Test
        void anUnchangedPlaceholderGivesNoOperation() {
            assertEquals(List.of(), ops("<ul><li lv-cid=\"1\"></li>a</ul>", "<ul><li lv-cid=\"1\"></li>a</ul>"));
        }
    }

    @Nested
    class UpdateModes {

        @Test
        void ignoredChildrenAreNeverTouchedButAttributesAre() {
            assertEquals(List.of(new Op.SetAttr(path(0), "class", "b")),
                    differ.diff(Snapshot.of("<div id=x lv-update=ignore class=a><p>1</p></div>"),
                            "<div id=x lv-update=ignore class=b><p>2</p><p>3</p></div>").patch().ops());
        }

        @Test
        void appendSendsOnlyNewOrChangedChildrenToTheEnd() {
            String before = "<ul id=chat lv-update=append>\n<li id=m1>hi</li>\n<li id=m2>yo</li>\n</ul>";
            String after = "<ul id=chat lv-update=append>\n<li id=m2>yo!</li>\n<li id=m3>new</li>\n</ul>";
            Patch patch = differ.diff(Snapshot.of(before), after).patch();
            assertEquals(
                    List.of(new Op.Insert(path(0), Op.Insert.END,
                            "<li id=\"m2\">yo!</li><li id=\"m3\">new</li>")),
                    patch.ops());
            Element dom = Html.parseFragment(before);
            PatchApplier.apply(patch, dom);
            assertEquals("<ul id=\"chat\" lv-update=\"append\">\n<li id=\"m1\">hi</li>\n"
                    + "<li id=\"m2\">yo!</li>\n<li id=\"m3\">new</li></ul>", Html.innerHtml(dom));
        }

        @Test
        void appendWorksWhateverTheClientHoldsBeyondTheServersLastRender() {
            // The server's last render streamed only m3; the client still shows m1 and m2 before it.
            Element dom = Html.parseFragment(
                    "<p>top</p><div id=s lv-update=append><p id=m1>1</p><p id=m2>2</p><p id=m3>3</p></div>");
            Patch patch = differ.diff(
                    Snapshot.of("<p>top</p><div id=s lv-update=append><p id=m3>3</p></div>"),
                    "<p>top!</p><div id=s lv-update=append><p id=m1>one</p><p id=m4>4</p></div>").patch();
            PatchApplier.apply(patch, dom);
            assertEquals("<p>top!</p><div id=\"s\" lv-update=\"append\"><p id=\"m1\">one</p>"
                    + "<p id=\"m2\">2</p><p id=\"m3\">3</p><p id=\"m4\">4</p></div>", Html.innerHtml(dom));
        }

        @Test
        void prependAddsAtTheStart() {
            String before = "<div id=s lv-update=prepend><p id=m1>1</p></div>";
            Patch patch = differ.diff(Snapshot.of(before),
                    "<div id=s lv-update=prepend><p id=m3>3</p><p id=m2>2</p><p id=m1>1</p></div>").patch();
            assertEquals(List.of(new Op.Insert(path(0), 0, "<p id=\"m3\">3</p><p id=\"m2\">2</p>")),
                    patch.ops());
            Element dom = Html.parseFragment(before);
            PatchApplier.apply(patch, dom);
            assertEquals("<div id=\"s\" lv-update=\"prepend\"><p id=\"m3\">3</p><p id=\"m2\">2</p>"
                    + "<p id=\"m1\">1</p></div>", Html.innerHtml(dom));
        }

        @Test
        void unchangedStreamGivesNothing() {
            assertEquals(List.of(), ops("<div id=s lv-update=append><p id=m1 class=a title=b>1</p></div>",
                    "<div id=s lv-update=append><p title=b id=m1 class=a>1</p></div>"));
        }

        @Test
        void childWhoseAttributeChangedIsSentAgain() {
            assertEquals(
                    List.of(new Op.Insert(path(0), Op.Insert.END, "<p id=\"m1\" class=\"b\">1</p>")),
                    ops("<div id=s lv-update=append><p id=m1 class=a>1</p><p id=m2 title=t>2</p></div>",
                            "<div id=s lv-update=append><p id=m1 class=b>1</p><p id=m2 title=t>2</p></div>"));
            assertEquals(
                    List.of(new Op.Insert(path(0), 0, "<p id=\"m1\" class=\"t\">1</p>")),
                    ops("<div id=s lv-update=prepend><p id=m1 title=t>1</p></div>",
                            "<div id=s lv-update=prepend><p id=m1 class=t>1</p></div>"));
        }

        @Test
        void changingTheModeReplacesTheContainer() {
            assertEquals(List.of(new Op.Replace(path(0), "<ul id=\"s\"><li id=\"m2\">2</li></ul>")),
                    ops("<ul id=s lv-update=append><li id=m1>1</li></ul>", "<ul id=s><li id=m2>2</li></ul>"));
        }
    }

    @Nested
    class HostileContent {

        private static final List<String> HOSTILE = List.of(
                "<script>alert(1)</script>", "\"double\" 'single'", "a & b &amp; c", "</li></ul>",
                "</textarea><b>", "caf\u00e9 \u65e5\u672c", "\uD83D\uDE00 \uD83D\uDC69\u200D\uD83D\uDC67",
                "\u00a0nbsp", "cr\r\nlf\rx", "<!-- -->", "]]>");

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
                    .replace("\r", "&#13;");
        }

        @Test
        void hostileTextAndAttributesSurviveEveryOp() {
            for (String evil : HOSTILE) {
                String e = escape(evil);
                List<Op> ops = ops(
                        "<p title=\"x\">x</p><ul><li>a</li></ul><input value=x><textarea>x</textarea><!--c-->",
                        "<p title=\"" + e + "\">" + e + "</p>"
                                + "<ul><li>a</li><li data-x=\"" + e + "\">" + e + "</li></ul>"
                                + "<input value=\"" + e + "\"><textarea>" + e + "</textarea><div>" + e + "</div>");
                for (Op op : ops) {
                    String html = switch (op) {
                        case Op.Insert insert -> insert.html();
                        case Op.Replace replace -> replace.html();
                        default -> "";
                    };
                    boolean leaked =
                            html.contains("<script") || html.contains("</li></ul>") || html.contains("<b>");
                    assertFalse(leaked, "markup from data leaked into " + html);
                }
            }
        }

        @Test
        void textThatLooksLikeMarkupIsSetAsText() {
            assertEquals(List.of(new Op.SetText(path(0, 0), "<img src=x onerror=alert(1)>")),
                    ops("<p>x</p>", "<p>&lt;img src=x onerror=alert(1)></p>"));
        }
    }

    @Test
    void patchOfAnEditedTreeAppliesOnTopOfThePreviousPatch() {
        Element dom = Html.parseFragment("<ul><li id=a>A</li></ul>");
        Snapshot snapshot = Snapshot.of("<ul><li id=a>A</li></ul>");
        for (String next : List.of("<ul><li id=b>B</li><li id=a>A</li></ul>",
                "<ul><li id=a>A!</li><li id=b>B</li></ul>", "<ul></ul>")) {
            Differ.Result result = differ.diff(snapshot, next);
            PatchApplier.apply(result.patch(), dom);
            Trees.assertSameTree(Html.parseFragment(next), dom);
            snapshot = result.next();
        }
    }
}
