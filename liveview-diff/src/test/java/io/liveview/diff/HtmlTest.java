package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {

    @Test
    void parsesAsTheChildrenOfADetachedDiv() {
        Element root = Html.parseFragment(" <table><tr><td>1</td></tr></table>\n");
        assertEquals("div", root.tagName());
        assertNull(root.parent());
        assertEquals(3, root.childNodeSize());
        assertEquals(" ", ((TextNode) root.childNode(0)).getWholeText());
        assertEquals("tbody", root.child(0).child(0).tagName());
    }

    @Test
    void carriageReturnsAreNormalizedAsBrowsersDoButCharacterReferencesKept() {
        Element root = Html.parseFragment("a\r\nb\rc&#13;<p title=\"x\r\ny&#13;\"></p>");
        assertEquals("a\nb\nc\r", ((TextNode) root.childNode(0)).getWholeText());
        assertEquals("x\ny\r", root.child(0).attr("title"));
        assertEquals("a\nb\nc&#13;<p title=\"x\ny&#13;\"></p>", Html.innerHtml(root));
    }

    @Test
    void aCarriageReturnOpeningTheRenderIsNormalizedToo() {
        Element root = Html.parseFragment("\r\nx\ry");
        assertEquals("\nx\ny", ((TextNode) root.childNode(0)).getWholeText());
    }

    @Test
    void processingInstructionsBecomeTheBrowsersBogusComments() {
        Element root = Html.parseFragment("<?php   echo 1\n?><b><?a b></b>");
        assertEquals("?php   echo 1\n?", assertInstanceOf(Comment.class, root.childNode(0)).getData());
        assertEquals("?a b", assertInstanceOf(Comment.class, root.child(0).childNode(0)).getData());
    }

    @Test
    void leadingNewlineOfPreAndTextareaIsDoubled() {
        Element root = Html.parseFragment(
                "<pre>\n\nx</pre><textarea>\n\ny</textarea><listing>\n\nz</listing>");
        assertEquals("\nx", root.child(0).wholeText());
        assertEquals("<pre>\n\nx</pre>", Html.outerHtml(root.child(0)));
        assertEquals("<textarea>\n\ny</textarea>", Html.outerHtml(root.child(1)));
        assertEquals("<listing>\n\nz</listing>", Html.outerHtml(root.child(2)));
    }

    @Test
    void attributeValuesAreKeptAsParsed() {
        Element root = Html.parseFragment("<input checked=checked disabled value='a\"b&c<d>\u00a0'>");
        assertEquals(
                "<input checked=\"checked\" disabled=\"\" value=\"a&quot;b&amp;c&lt;d&gt;&nbsp;\">",
                Html.outerHtml(root.child(0)));
    }

    @Test
    void rawTextElementsAreWrittenRaw() {
        String html = "<script>if (a < b && c) x = '</div>';</script><style>a > b { }</style>"
                + "<xmp><b>&amp;</xmp>";
        assertEquals(html, Html.innerHtml(Html.parseFragment(html)));
    }

    @Test
    void plaintextIsWrittenRawAsInnerHtmlDoes() {
        // The parser reads everything after <plaintext> as literal text, entities and tags alike.
        Element root = Html.parseFragment("<p>a</p><plaintext>a &amp; <b>");
        assertEquals("a &amp; <b>", root.child(1).wholeText());
        assertEquals("a &amp; <b>", Html.innerHtml(root.child(1)));
    }

    @Test
    void foreignElementsNamedLikeSpecialHtmlOnesAreWrittenAsOrdinaryElements() {
        // In SVG, style text is escaped, textarea keeps its one leading newline, source has children.
        String html = "<svg><style>&lt;b&gt; a &gt; b</style><textarea>\ny</textarea>"
                + "<source>x</source></svg>";
        Element root = Html.parseFragment(html);
        assertEquals("<b> a > b", root.child(0).child(0).wholeText());
        assertEquals("\ny", root.child(0).child(1).wholeText());
        assertEquals(html, Html.innerHtml(root));
        Trees.assertSameTree(root, Html.parseFragment(Html.innerHtml(root)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<pre>\n\nx</pre><pre>\ny</pre><textarea>\n\n</textarea>",
        "a &amp; b &lt;script&gt; &quot;q&quot; &#39; &nbsp; \u00e9 \uD83D\uDE00",
        "&#x1F469;&#x200D;&#x1F467; \uD83D\uDC69\u200D\uD83D\uDC67 \u202e",
        "<p title=\"&lt;/p&gt;&quot;'&amp;amp;\" data-x='\"'>x</p>",
        "<div a\"b=1 =c=2 d<e=3>odd attribute names</div>",
        "<!-- a - b --><!----><!-- <b> --><!x><?y z?>",
        "<table> <thead><tr><th>h</th></tr></thead><tr id=1><td>1<td>2</tr> </table>",
        "<select><option selected>a<optgroup label=g><option>b</select>",
        "<ul><li>a<li>b<ul><li>c</ul></ul>",
        "<svg viewBox=\"0 0 1 1\"><foreignObject><div>x</div></foreignObject><circle r=1 /></svg>",
        "<math><mi>x</mi></math>",
        "<form><input type=checkbox checked><textarea>&lt;/textarea&gt;</textarea></form>",
        "<p>a<br>b<img alt=\"&lt;\"><wbr>c</p>",
        "text\r\nwith&#13;carriage\rreturns"
    })
    void serializationParsesBackToTheSameTree(String html) {
        Element parsed = Html.parseFragment(html);
        Element reparsed = Html.parseFragment(Html.innerHtml(parsed));
        Trees.assertSameTree(parsed, reparsed);
        assertEquals(Html.innerHtml(parsed), Html.innerHtml(reparsed));
    }

    @Test
    void plaintextAndTheElementsItEndsGetNoEndTag() {
        for (String html : new String[] {"<p>a</p><plaintext>x", "<div><b>a</b><plaintext>x &lt;/div&gt;</plaintext></div>"}) {
            Element parsed = Html.parseFragment(html);
            Trees.assertSameTree(parsed, Html.parseFragment(Html.innerHtml(parsed)));
        }
        assertEquals("<p>a</p><plaintext>x", Html.innerHtml(Html.parseFragment("<p>a</p><plaintext>x")));
    }
}
