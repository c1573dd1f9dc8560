package io.liveview.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchCodecTest {

    private static final Patch ALL_KINDS = new Patch(List.of(
            new Op.SetText(List.of(0, 1), "5 < 6 & \"\uD83D\uDE00\""),
            new Op.SetAttr(List.of(2), "class", "a b"),
            new Op.RemoveAttr(List.of(2), "title"),
            new Op.SetProperty(List.of(3), "value", "x"),
            new Op.SetProperty(List.of(4), "checked", true),
            new Op.SetProperty(List.of(5, 0), "selected", false),
            new Op.Insert(List.of(), 0, "<li id=\"a\">a</li>"),
            new Op.Insert(List.of(6), Op.Insert.END, "<p id=\"m\">m</p>"),
            new Op.Remove(List.of(7, 2)),
            new Op.Move(List.of(1), 3, 0),
            new Op.Replace(List.of(8), "<b>\u2028</b>"),
            new Op.ReplaceChildren(List.of(9), "<i>i</i>")));

    private static final String ALL_KINDS_JSON = "[[\"t\",[0,1],\"5 < 6 & \\\"\uD83D\uDE00\\\"\"],"
            + "[\"a\",[2],\"class\",\"a b\"],[\"r\",[2],\"title\"],[\"p\",[3],\"value\",\"x\"],"
            + "[\"p\",[4],\"checked\",true],[\"p\",[5,0],\"selected\",false],"
            + "[\"i\",[],0,\"<li id=\\\"a\\\">a</li>\"],[\"i\",[6],-1,\"<p id=\\\"m\\\">m</p>\"],"
            + "[\"d\",[7,2]],[\"m\",[1],3,0],[\"x\",[8],\"<b>\u2028</b>\"],"
            + "[\"h\",[9],\"<i>i</i>\"]]";

    @Test
    void encodesTheCompactArraysOfTheProtocol() {
        assertEquals(ALL_KINDS_JSON, PatchCodec.encode(ALL_KINDS));
        assertEquals("[[\"t\",[0,1],\"5\"]]",
                PatchCodec.encode(new Patch(List.of(new Op.SetText(List.of(0, 1), "5")))));
        assertEquals("[]", PatchCodec.encode(Patch.empty()));
    }

    @Test
    void decodesWhatItEncodes() {
        assertEquals(ALL_KINDS, PatchCodec.decode(ALL_KINDS_JSON));
        assertEquals(Patch.empty(), PatchCodec.decode("[]"));
    }

    @Test
    void buildsATreeToEmbedInAFrame() {
        ArrayNode json = PatchCodec.toJson(ALL_KINDS, JsonNodeFactory.instance);
        assertEquals(ALL_KINDS.ops().size(), json.size());
        assertEquals(ALL_KINDS, PatchCodec.fromJson(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[1]", "[[]]", "[[\"z\",[0]]]", "[[\"d\"]]", "[[\"d\",[0],1]]", "[[\"d\",[\"0\"]]]",
        "[[\"d\",[-1]]]", "[[\"t\",[0],5]]", "[[\"p\",[0],\"checked\",\"yes\"]]",
        "[[\"p\",[0],\"value\",true]]", "[[\"p\",[0],\"hidden\",true]]", "[[\"i\",[0],-2,\"x\"]]",
        "[[\"m\",[0],1.5,0]]", "[[\"x\",[],\"x\"]]", "[[\"d\",[]]]", "not json"
    })
    void rejectsWhatIsNotAPatch(String json) {
        assertThrows(IllegalArgumentException.class, () -> PatchCodec.decode(json));
    }
}
