package io.liveview.core.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    record Move(int x, int y) {
    }

    // Set by Tripwire's static initializer: reading a field of Tripwire itself would initialize it.
    static volatile boolean tripwireInitialized;

    /** Not allowed across nodes. */
    static final class Tripwire {
        static {
            tripwireInitialized = true;
        }
    }

    private final MessageCodec here = new MessageCodec("here", MessageCodecTest.class.getClassLoader());
    private final MessageCodec there = new MessageCodec("there", MessageCodecTest.class.getClassLoader());

    @Test
    void aMessageFromAnotherNodeDecodesToAnEqualOneAndOwnMessagesDecodeToNothing() {
        String sent = here.encode(new Move(1, 2));

        assertEquals(Optional.of(new Move(1, 2)), there.decode(sent));
        assertEquals(Optional.empty(), here.decode(sent));
    }

    @Test
    void aRecordThatANewerNodeHasGrownStillDecodes() {
        String newer = "{\"node\":\"there\",\"type\":\"" + Move.class.getName() + "\",\"payload\":{\"x\":1,\"y\":2,\"z\":3}}";

        assertEquals(Optional.of(new Move(1, 2)), here.decode(newer));
    }

    @Test
    void aTypeThatMayNotCrossNodesIsRefusedWithoutBeingInitialized() {
        String tripwire = "{\"node\":\"there\",\"type\":\"" + Tripwire.class.getName() + "\",\"payload\":{}}";

        assertThrows(IllegalArgumentException.class, () -> here.decode(tripwire));
        assertFalse(tripwireInitialized);
    }

    @Test
    void malformedEnvelopesAreRefused() {
        for (String text : new String[] {"not json", "42", "{\"node\":\"there\",\"type\":\"java.lang.String\"}",
                "{\"node\":\"there\",\"type\":\"java.lang.Integer\",\"payload\":\"x\"}",
                "{\"node\":\"there\",\"type\":\"java.lang.Runtime\",\"payload\":{}}"}) {
            assertThrows(IllegalArgumentException.class, () -> here.decode(text), text);
        }
    }
}
