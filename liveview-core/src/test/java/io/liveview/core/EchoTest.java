package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void shortPrintableTextIsRepeatedAsItIs() {
        assertEquals("add-todo <b>é</b>", Echo.of("add-todo <b>é</b>"));
        assertEquals("null", Echo.of(null));
    }

    @Test
    void controlAndInvisibleCharactersAreEscapedSoNoLogLineCanBeForged() {
        assertEquals("a\\u000aERROR fake\\u000d\\u0000", Echo.of("a\nERROR fake\r\u0000"));
        assertEquals("x\\u2028y\\u202ez", Echo.of("x\u2028y\u202Ez"));
    }

    @Test
    void longTextIsCutAfterOneHundredCharactersAndSaysHowLongItWas() {
        String echoed = Echo.of("y".repeat(60_000));
        assertEquals("y".repeat(Echo.MAX) + "…(60000 chars)", echoed);
    }

    @Test
    void surrogatePairsAreNeverCutInHalf() {
        String emoji = "\uD83D\uDE00";
        String echoed = Echo.of(emoji.repeat(200));
        assertTrue(echoed.startsWith(emoji.repeat(Echo.MAX) + "…"), echoed);
    }
}
