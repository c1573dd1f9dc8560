package io.liveview.core;

import static io.liveview.core.JS.js;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON each {@link JS} command writes is what the client reads (docs/bindings.md, "JS commands"). */
class JSTest {

    @Test
    void eachCommandWritesItsNameAndArguments() {
        assertEquals("[]", js().toString());
        assertEquals("[[\"show\",{}],[\"show\",{\"to\":\"#a\"}],[\"show\",{\"to\":\"#a\",\"display\":\"flex\"}]]",
                js().show().show("#a").show("#a", "flex").toString());
        assertEquals("[[\"hide\",{}],[\"hide\",{\"to\":\"#a\"}],[\"toggle\",{}],[\"toggle\",{\"to\":\"#a\",\"display\":\"grid\"}]]",
                js().hide().hide("#a").toggle().toggle("#a", "grid").toString());
        assertEquals("[[\"add_class\",{\"names\":\"x y\"}],[\"remove_class\",{\"to\":\"p\",\"names\":\"x\"}],"
                + "[\"toggle_class\",{\"to\":\"p\",\"names\":\"open\"}]]",
                js().addClass("x y").removeClass("p", "x").toggleClass("p", "open").toString());
        assertEquals("[[\"set_attr\",{\"name\":\"aria-expanded\",\"value\":\"true\"}],[\"remove_attr\",{\"to\":\"#b\",\"name\":\"disabled\"}]]",
                js().setAttr("aria-expanded", "true").removeAttr("#b", "disabled").toString());
        assertEquals("[[\"focus\",{}],[\"focus\",{\"to\":\"#name\"}]]", js().focus().focus("#name").toString());
        assertEquals("[[\"dispatch\",{\"event\":\"copy\"}],[\"dispatch\",{\"to\":\"#c\",\"event\":\"copy\",\"detail\":{\"n\":1}}]]",
                js().dispatch("copy").dispatch("#c", "copy", Map.of("n", 1)).toString());
        assertEquals("[[\"push\",{\"event\":\"save\"}],[\"push\",{\"event\":\"open\",\"value\":{\"id\":\"7\"}}]]",
                js().push("save").push("open", Map.of("id", "7")).toString());
    }

    @Test
    void aListIsImmutableAndOwnsItsValues() {
        JS hide = js().hide("#dialog");
        JS both = hide.push("close");
        assertEquals("[[\"hide\",{\"to\":\"#dialog\"}]]", hide.toString(), "adding made a new list");
        assertEquals(js().hide("#dialog").push("close"), both);
        assertNotEquals(hide, both);
        Map<String, Object> value = new HashMap<>(Map.of("id", "7"));
        JS push = js().push("open", value);
        value.put("id", "8");
        assertEquals("[[\"push\",{\"event\":\"open\",\"value\":{\"id\":\"7\"}}]]", push.toString());
        assertEquals("[[\"show\",{}]]", js().show(null, null).toString(), "null means the bound element, the default display");
    }
}
