package dev.newspipe.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

    static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = new SentenceEncoder(24);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void basicTokensAreLowerCaseWithoutAccentsAndPunctuationStandsAlone() {
        assertEquals(List.of("zurich", "'", "s", "cafe", "re", "-", "opens", ",", "says", "$", "36", ".", "5m"),
                SentenceEncoder.basicTokens("Zürich's Café re-opens, says $36.5m"));
        assertEquals(List.of("東", "京", "tower"), SentenceEncoder.basicTokens("東京tower"));
        assertEquals(List.of(), SentenceEncoder.basicTokens("  \t\n"));
    }

    @Test
    void wordPiecesSitBetweenClsAndSepAndLongTextsAreCut() {
        int[] ids = encoder.tokenIds("Hello");
        // [CLS] hello [SEP] in the BERT uncased vocabulary the model was trained with.
        assertArrayEquals(new int[] {101, 7592, 102}, ids);
        int[] pieces = encoder.tokenIds("unaffordable");
        assertTrue(pieces.length > 3, "a rare word falls into several pieces");
        int[] cut = encoder.tokenIds("word ".repeat(100));
        assertEquals(24, cut.length);
        assertEquals(101, cut[0]);
        assertEquals(102, cut[23]);
    }

    @Test
    void vectorsHaveUnitLengthAndSimilarMeaningsAreCloser() {
        float[] goal = encoder.encode("The striker scored twice as the team won the match");
        float[] win = encoder.encode("Football club wins the league game with a late goal");
        float[] rates = encoder.encode("The central bank raised interest rates to curb inflation");
        assertEquals(384, goal.length);
        assertEquals(1.0, dot(goal, goal), 1e-4);
        assertTrue(dot(goal, win) > dot(goal, rates) + 0.2, dot(goal, win) + " vs " + dot(goal, rates));
        assertArrayEquals(goal, encoder.encode("The striker scored twice as the team won the match"));
    }

    @Test
    void aTooShortLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SentenceEncoder(2));
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
