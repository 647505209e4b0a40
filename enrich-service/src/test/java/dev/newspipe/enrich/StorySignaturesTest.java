package dev.newspipe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StorySignaturesTest {

    @Test
    void simhashDigitsAreWhatFormatGaveBefore() {
        // The stored signatures were written with String.format("%016x"): the digits must not change.
        assertEquals("0000000000000000", StorySignatures.hex16(0));
        assertEquals("ffffffffffffffff", StorySignatures.hex16(-1));
        assertEquals("000000000000002a", StorySignatures.hex16(42));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >>> random.nextInt(64);
            assertEquals(String.format("%016x", value), StorySignatures.hex16(value));
        }
    }
}
