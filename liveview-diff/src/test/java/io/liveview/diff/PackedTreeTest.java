package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packed form a {@link Snapshot} retains, and the {@link PackedNode} reads of it. */
class PackedTreeTest {

    private static PackedTree.Packing pack(String html) {
        return PackedTree.pack(Html.parseFragment(html), html.length());
    }

    /** Packing, unpacking and packing again: the same bytes, and the same serialization. */
    private static void assertRoundTrip(String html) {
        Element parsed = Html.parseFragment(html);
        byte[] bytes = PackedTree.pack(parsed, html.length()).bytes();
        Element unpacked = PackedTree.unpack(bytes);
        assertArrayEquals(bytes, PackedTree.pack(unpacked, 0).bytes(), html);
        assertEquals(Html.innerHtml(parsed), Html.innerHtml(unpacked), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "text only",
            "<p class=a id=x>caf\u00e9 &amp; \u6f22\u5b57 \ud83d\ude00</p>",
            "<ul>\n  <li lv-key=1>a</li>\n  <li lv-key=2>b</li>\n</ul>\n",
            "<!-- a comment --><script>if (a < b) {}</script><style>p > a {}</style>",
            "<svg viewBox=\"0 0 10 10\"><foreignObject><p>x</p></foreignObject><path d=M0/>"
                    + "<![CDATA[raw <text>]]></svg><math><mi>x</mi></math>",
            "<textarea>\n\nkeeps its newlines</textarea><pre>\n\nx</pre>",
            "<table><tr><td>implied tbody</td></tr></table>",
            "<input checked><input type=checkbox checked=checked><select><option selected>o</select>",
            "<x-unknown-element some-unknown-attribute=\"v\">custom</x-unknown-element>",
            "<p>\r\n\rcarriage returns</p><?processing instruction?>",
            "<div>\n</div><div>\n        </div><div> \n</div><div>\n\t</div>"})
    void packingIsExact(String html) {
        assertRoundTrip(html);
    }

    @Test
    void longContentAndManyChildrenUseMultiByteLengths() {
        StringBuilder html = new StringBuilder("<div title=\"" + "t".repeat(20_000) + "\">");
        for (int i = 0; i < 3_000; i++) {
            html.append("<span id=s").append(i).append(">").append("x".repeat(i % 300)).append("</span>");
        }
        html.append("</div>").append("\n" + " ".repeat(500));
        assertRoundTrip(html.toString());
        List<PackedNode> spans = PackedNode.root(pack(html.toString()).bytes()).children().get(0)
                .children();
        assertEquals(3_000, spans.size());
        assertEquals("s2999", spans.get(2_999).attr("ID"));
        assertEquals("x".repeat(2_999 % 300), spans.get(2_999).children().get(0).data());
    }

    @Test
    void randomDocumentsPackExactly() {
        Random seeds = new Random(7);
        for (int c = 0; c < 500; c++) {
            HtmlGenerator generator = new HtmlGenerator(new Random(seeds.nextLong()));
            assertRoundTrip(generator.render(generator.document()));
        }
    }

    @Test
    void equalTreesPackToEqualBytesWhateverTheSpelling() {
        assertArrayEquals(
                pack("<p class=a title='x &amp; y'>caf&eacute; &lt;&nbsp;</p><input checked>").bytes(),
                pack("<p class=\"a\" title=\"x &amp; y\">caf\u00e9 &lt;\u00a0</p><input checked=\"\">")
                        .bytes());
    }

    @Test
    void packingOrdersAttributesAsWritten() {
        assertFalse(Arrays.equals(pack("<p a=1 b=2></p>").bytes(), pack("<p b=2 a=1></p>").bytes()));
    }

    @Test
    void nodeIndexesFollowDocumentOrder() {
        PackedTree.Packing packing = pack("<ul><li>a</li><li>b</li></ul><p>c</p>");
        // root, ul, li, "a", li, "b", p, "c"
        assertArrayEquals(new int[] {8, 5, 2, 1, 2, 1, 2, 1}, Arrays.copyOf(packing.sizes(), 8));
        PackedNode ul = PackedNode.root(packing.bytes()).children().get(0);
        assertEquals(true, ul.samePacking(packing, 1));
        assertEquals(false, ul.samePacking(packing, 6));
        assertEquals(packing.bytes().length, packing.end(0));
    }

    @Test
    void attributeLookUpsIgnoreCaseLikeJsoupsNode() {
        PackedNode svg = PackedNode.root(pack("<svg viewBox=\"0 0 1 1\"></svg>").bytes())
                .children().get(0);
        assertEquals("0 0 1 1", svg.attr("viewbox"));
        assertEquals(true, svg.hasAttr("VIEWBOX"));
        assertEquals(false, svg.hasKey("viewbox"));
        assertEquals("0 0 1 1", svg.get("viewBox"));
        assertEquals("", svg.get("viewbox"));
    }

    @Test
    void wholeTextIsJsoups() {
        String html = "<textarea>\n\na &amp; b</textarea><div>x<br>y<!--c--><span>z</span></div>";
        Element parsed = Html.parseFragment(html);
        List<PackedNode> children = PackedNode.root(pack(html).bytes()).children();
        assertEquals(parsed.child(0).wholeText(), children.get(0).wholeText());
        assertEquals(parsed.child(1).wholeText(), children.get(1).wholeText());
    }

    @Test
    void snapshotHtmlParsesToTheRender() {
        String html = "<p class=a title='x &amp; y'>caf&eacute;</p><ul>\n  <li lv-key=1>a</li>\n</ul>";
        Trees.assertSameTree(Html.parseFragment(html), Html.parseFragment(Snapshot.of(html).html()));
    }
}
