package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code lv:*} attributes evaluated as expressions into the {@code lv-*} attributes the client reads. */
class LiveViewDialectTest {

    private record Row(int id, String name) {
    }

    private final Renderer renderer = new Renderer(getClass().getClassLoader());

    private Document render(boolean validate) {
        return Jsoup.parseBodyFragment(renderer.render("dialect", Map.of(
                "rows", List.of(new Row(7, "seven"), new Row(8, "a \"quoted\" <b>&amp;</b>")),
                "form", "draft", "validate", validate), ""));
    }

    @Test
    void expressionsBecomeClientAttributesOnEveryRow() {
        Document page = render(true);
        List<Element> buttons = page.select("button");
        assertEquals("bump", buttons.get(0).attr("lv-click"), "a plain word is itself");
        assertEquals("7", buttons.get(0).attr("lv-value-id"));
        assertEquals("8", page.select("li").get(1).attr("lv-key"), "row variables are in scope");
        assertEquals("a \"quoted\" <b>&amp;</b>", buttons.get(1).attr("lv-value-name"), "escaped once, read back as written");
        assertEquals(0, page.select("[lv\\:click], [lv\\:value-id]").size(), "the lv: forms are gone");
    }

    @Test
    void literalSubstitutionsConditionalsAndPlainAttributes() {
        Element form = render(true).selectFirst("form");
        assertEquals("save-draft", form.attr("lv-submit"));
        assertEquals("check", form.attr("lv-change"));
        assertFalse(render(false).selectFirst("form").hasAttr("lv-change"), "null leaves the attribute out");
        assertEquals("300", form.selectFirst("input").attr("lv-debounce"), "plain lv-* attributes pass through");
        Element p = render(true).selectFirst("p");
        assertEquals("kept as written", p.attr("data-lv-note"));
        assertFalse(p.hasAttr("lv-hidden"), "false leaves the attribute out");
    }

    @Test
    void jsIsTheCommandsBuilder() {
        Element opener = render(true).getElementById("dialog-open");
        assertEquals("[[\"show\",{\"to\":\"#dialog\",\"display\":\"flex\"}],[\"focus\",{\"to\":\"#name\"}],"
                + "[\"push\",{\"event\":\"opened\",\"value\":{\"from\":\"menu\"}}]]", opener.attr("lv-click"),
                "#js is JS.js(), and the attribute reads back as its JSON");
    }
}
