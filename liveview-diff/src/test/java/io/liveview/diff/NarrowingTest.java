package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Narrowing}: a narrowed render packs as the full parse does and diffs to the same patch,
 * only the differing children are parsed, and markup whose parse depends on more than its tags
 * falls back to the full parse.
 */
class NarrowingTest {

    /** Narrows {@code after} against the snapshot of {@code before}, checking it against the full parse. */
    private static NarrowedRender narrow(String before, String after) {
        Snapshot snapshot = Snapshot.of(before);
        NarrowedRender narrowed = Narrowing.narrow(snapshot.packed(), after);
        assertSameAsFullParse(snapshot, after, narrowed);
        return narrowed;
    }

    private static void assertSameAsFullParse(Snapshot snapshot, String after, NarrowedRender narrowed) {
        String context = "\nold: " + Trees.visible(snapshot.html()) + "\nnew: " + Trees.visible(after);
        Differ.Result full = Differ.diffParsed(snapshot, after);
        if (narrowed == Narrowing.UNCHANGED) {
            assertTrue(full.patch().isEmpty(), context);
            assertArrayEquals(full.next().packed(), snapshot.packed(), context);
        } else if (narrowed != null) {
            assertArrayEquals(full.next().packed(), narrowed.packing().bytes(), context);
        }
        Differ.Result result = new Differ().diff(snapshot, after);
        assertEquals(full.patch(), result.patch(), context);
        assertArrayEquals(full.next().packed(), result.next().packed(), context);
    }

    /** The number of elements built around the differing children, the root included. */
    private static int levels(NarrowedRender narrowed) {
        return narrowed.children().size();
    }

    @Test
    void aChangedTextParsesOnlyThatText() {
        NarrowedRender narrowed = narrow(
                "<section><h1>Count: <span>41</span></h1>\n  <button lv-click=\"inc\">+</button></section>",
                "<section><h1>Count: <span>42</span></h1>\n  <button lv-click=\"inc\">+</button></section>");
        assertEquals(4, levels(narrowed));
    }

    @Test
    void oneChangedRowOfALongTableIsOneCell() {
        String before = table(1_000, -1);
        String after = table(1_000, 500);
        NarrowedRender narrowed = narrow(before, after);
        assertEquals(5, levels(narrowed)); // root, table, tbody, tr, td
        assertEquals(1, new Differ().diff(Snapshot.of(before), after).patch().ops().size());
    }

    @Test
    void anInsertedRowParsesOnlyThatRow() {
        String before = table(100, -1);
        String after = before.replace("<tbody>\n", "<tbody>\n    <tr lv-key=\"0\"><td>0</td></tr>\n");
        NarrowedRender narrowed = narrow(before, after);
        assertEquals(3, levels(narrowed)); // root, table, tbody
    }

    @Test
    void changesFarApartNarrowToTheirCommonAncestor() {
        NarrowedRender narrowed = narrow(
                "<ul><li>a</li><li>b</li><li>c</li></ul><p>x</p>",
                "<ul><li>A</li><li>b</li><li>C</li></ul><p>x</p>");
        assertEquals(2, levels(narrowed));
    }

    @Test
    void anUnchangedRenderIsUnchanged() {
        String html = "<p class=a title='x &amp; y'>caf&eacute;</p>";
        assertSame(Narrowing.UNCHANGED, narrow("<p>a &amp; b</p><!-- c -->", "<p>a &amp; b</p><!-- c -->"));
        assertNull(narrow(html, html)); // &eacute; is not read
    }

    @Test
    void otherSpellingsOfTheSameTreeAreUnchanged() {
        assertSame(Narrowing.UNCHANGED, narrow("<p class=a title='x'>a&#39;b &amp;</p>",
                "<P CLASS=\"a\" title=\"x\" >a'b &amp;</p>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // markup whose parse depends on more than its tags
            "<div><p>a</p></div>|<div><p>a<div>b</div></p></div>",
            "<ul><li>a</li></ul>|<ul><li>a<li>b</li></li></ul>",
            "<ul><li>a</li></ul>|<ul><li>a</ul>",
            "<table><tbody><tr><td>a</td></tr></tbody></table>|<table><tbody><tr><td>b</td></tr>x</tbody></table>",
            "<table><tbody></tbody></table>|<table><tr><td>b</td></tr></table>",
            "<p><a href=x>a</a></p>|<p><a href=x>a<a>b</a></a></p>",
            "<p><b>a</b></p>|<p><b>a</p>",
            "<p>a</p>|<p>a <b</p>",
            "<p>a</p>|<p>&copy;</p>",
            "<p>a</p>|<p>&#128;&#0;&#xD800;&#13;</p>",
            "<p>a</p>|<p>&#39</p>",
            "<p>a</p>|<p title=a title=b>a</p>",
            "<p>a</p>|<p><div/></p>",
            "<p>a</p>|<p>a<br></br></p>",
            "<div>a</div>|<div><!-->a</div>",
            "<div>a</div>|<div><?pi?></div>",
            // elements with rules of their own
            "<div>a</div>|<div><script>a</script></div>",
            "<div>a</div>|<div><textarea>a</textarea></div>",
            "<div>a</div>|<div><template>a</template></div>",
            "<div>a</div>|<div><select><option>a</option></select></div>",
            "<div>a</div>|<div><svg><path d=M0></path></svg></div>",
            "<div>a</div>|<div><pre>a</pre></div>",
            // children the differ treats apart
            "<ul lv-stream=\"s\"></ul>|<ul lv-stream=\"s\"><li id=a>a</li></ul>",
            "<ul lv-update=\"append\"><li id=a>a</li></ul>|<ul lv-update=\"append\"><li id=a>b</li></ul>",
            "<div lv-update=\"ignore\"><p>a</p></div>|<div lv-update=\"ignore\"><p>b</p></div>"})
    void fallsBackToTheFullParse(String before, String after) {
        assertNull(narrow(before, after));
    }

    @Test
    void carriageReturnsParseWhole() {
        assertNull(narrow("<p>a</p>", "<p>a\rb</p>"));
        assertNull(narrow("<p>a</p>", "<p title=\"\r\">a</p>"));
    }

    @Test
    void numericReferencesAreRead() {
        assertSame(Narrowing.UNCHANGED, narrow("<p title=\"&#x26;\">&#60;&#x1F600;\u00e9</p>",
                "<p title=\"&amp;\">&lt;\ud83d\ude00&#233;</p>"));
    }

    @Test
    void elementSnapshotsParseWhole() {
        Snapshot snapshot = Snapshot.ofElement("<tr lv-cid=\"1\"><td>a</td></tr>");
        Differ.Result result = new Differ().diff(snapshot, "<tr lv-cid=\"1\"><td>b</td></tr>");
        assertEquals(Differ.diffParsed(snapshot, "<tr lv-cid=\"1\"><td>b</td></tr>").patch(), result.patch());
    }

    /** Random templates and edits: narrowed or not, the same packing and patch as the full parse. */
    @Test
    void randomEditsNarrowToTheFullParse() {
        Random seeds = new Random(11);
        int narrowed = 0;
        int total = 0;
        for (int c = 0; c < 600; c++) {
            HtmlGenerator generator = new HtmlGenerator(new Random(seeds.nextLong()));
            HtmlGenerator.G model = generator.document();
            Snapshot snapshot = Snapshot.of(generator.render(model));
            for (int step = 0; step < 3; step++) {
                generator.edit(model);
                String next = generator.render(model);
                NarrowedRender render = Narrowing.narrow(snapshot.packed(), next);
                assertSameAsFullParse(snapshot, next, render);
                narrowed += render != null ? 1 : 0;
                total++;
                snapshot = Differ.diffParsed(snapshot, next).next();
            }
        }
        assertTrue(narrowed > total / 10, narrowed + " of " + total + " narrowed");
    }

    /** Random cuts and pastes of markup, most of it broken: never a narrowing that is not exact. */
    @Test
    void randomlyBrokenMarkupNarrowsOnlyWhenExact() {
        Random random = new Random(5);
        for (int c = 0; c < 1_500; c++) {
            HtmlGenerator generator = new HtmlGenerator(new Random(random.nextLong()));
            String before = generator.render(generator.document());
            String after = before;
            for (int edits = 1 + random.nextInt(3); edits > 0 && !after.isEmpty(); edits--) {
                int from = random.nextInt(after.length());
                int to = Math.min(after.length(), from + random.nextInt(12));
                String piece = PIECES[random.nextInt(PIECES.length)];
                after = after.substring(0, from) + piece + after.substring(to);
            }
            narrow(before, after);
        }
    }

    private static final String[] PIECES = {
            "", "<", ">", "</", "<p>", "</p>", "<div>", "</div>", "<li>", "</li>", "<td>", "<tr>", "</tr>",
            "<b>", "</b>", "<a href=x>", "</a>", "x", " ", "\n  ", "&amp;", "&", "<!--c-->", "<br>", "<span>",
            "</span>", "<table>", "</table>", "<tbody>", "\"", "'", "=", "<button>", "</button>", "<form>", "<h1>"};

    /** The benchmark's table of {@code rows} rows, with row {@code changed}'s value one more. */
    static String table(int rows, int changed) {
        StringBuilder html = new StringBuilder("<table class=\"rows\">\n  <thead><tr><th>Id</th><th>Name</th>"
                + "<th>Value</th></tr></thead>\n  <tbody>\n");
        for (int id = 1; id <= rows; id++) {
            int value = id * 7_919 % 10_000 + (id == changed ? 1 : 0);
            html.append("    <tr lv-key=\"").append(id).append("\">\n      <td>").append(id)
                    .append("</td>\n      <td>Ada Lovelace</td>\n      <td>").append(value)
                    .append("</td>\n    </tr>\n");
        }
        return html.append("  </tbody>\n</table>\n").toString();
    }
}
