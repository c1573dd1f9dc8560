package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PatchApplierTest {

    private static String apply(String html, Op... ops) {
        Element root = Html.parseFragment(html);
        PatchApplier.apply(new Patch(List.of(ops)), root);
        return Html.innerHtml(root);
    }

    @Test
    void moveTakesOutThenReinsertsAtTheTargetIndex() {
        assertEquals("<b>1</b><i>2</i><a>0</a>", apply("<a>0</a><b>1</b><i>2</i>",
                new Op.Move(List.of(), 0, 2)));
        assertEquals("<i>2</i><a>0</a><b>1</b>", apply("<a>0</a><b>1</b><i>2</i>",
                new Op.Move(List.of(), 2, 0)));
    }

    @Test
    void insertParsesInTheParentsContext() {
        assertEquals("<table><tbody><tr><td>0</td></tr><tr><td>1</td></tr></tbody></table>",
                apply("<table><tr><td>0</td></tr></table>",
                        new Op.Insert(List.of(0, 0), Op.Insert.END, "<tr><td>1</td></tr>")));
    }

    @Test
    void replaceMayInsertSeveralNodes() {
        assertEquals("a<b>b</b>c<p></p>", apply("x<p></p>", new Op.Replace(List.of(0), "a<b>b</b>c")));
        assertEquals("<table><tbody><tr><td>n</td></tr></tbody></table>",
                apply("<table><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>",
                        new Op.ReplaceChildren(List.of(0, 0), "<tr><td>n</td></tr>")));
        assertEquals("", apply("a<b>b</b>", new Op.ReplaceChildren(List.of(), "")));
    }

    @Test
    void propertiesSetTheDefaults() {
        assertEquals(
                "<input value=\"v\" checked=\"\"><textarea>t</textarea><select><option></option></select>",
                apply("<input><textarea>old</textarea><select><option selected></option></select>",
                        new Op.SetProperty(List.of(0), "value", "v"),
                        new Op.SetProperty(List.of(0), "checked", true),
                        new Op.SetProperty(List.of(1), "value", "t"),
                        new Op.SetProperty(List.of(2, 0), "selected", false)));
    }

    @Test
    void insertIntoAStreamReplacesChildrenWithTheSameId() {
        assertEquals(
                "<ul lv-update=\"append\"><li id=\"a\">A!</li><li id=\"b\">b</li><li id=\"c\">c</li></ul>",
                apply("<ul lv-update=append><li id=a>a</li><li id=b>b</li></ul>",
                        new Op.Insert(List.of(0), Op.Insert.END, "<li id=\"a\">A!</li><li id=\"c\">c</li>")));
    }

    @Test
    void badPathsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> apply("<p></p>", new Op.Remove(List.of(1))));
        assertThrows(IllegalArgumentException.class,
                () -> apply("text", new Op.SetAttr(List.of(0), "a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> apply("<p></p>", new Op.SetText(List.of(0), "b")));
    }

    @Test
    void aMoveTargetPastTheLastIndexIsRejected() {
        // With the child taken out, three children leave indexes 0 to 2 for it.
        assertEquals("<b></b><i></i><a></a>",
                apply("<a></a><b></b><i></i>", new Op.Move(List.of(), 0, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> apply("<a></a><b></b><i></i>", new Op.Move(List.of(), 0, 3)));
    }
}
