package dev.newspipe.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleEnriched.StorySignature;

/** SimHash and MinHash over word 3-shingles: texts that share most shingles get close signatures. */
public final class StorySignatures {

    static final int MINHASH_SIZE = 16;
    private static final int SHINGLE = 3;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{Mn}'-]*");

    /** The lower-cased letter runs of a text: what the shingles are made of. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    public static StorySignature of(List<String> words) {
        long[] weights = new long[64];
        int[] minhash = new int[MINHASH_SIZE];
        java.util.Arrays.fill(minhash, Integer.MAX_VALUE);
        int shingles = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long hash = fnv1a(words.subList(i, Math.min(words.size(), i + SHINGLE)));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
            }
            for (int k = 0; k < MINHASH_SIZE; k++) {
                int h = (int) (mix(hash ^ (0x9E3779B97F4A7C15L * (k + 1))) >>> 33);
                if (h < minhash[k]) {
                    minhash[k] = h;
                }
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        List<Integer> values = new ArrayList<>(MINHASH_SIZE);
        for (int v : minhash) {
            values.add(v);
        }
        return new StorySignature(hex16(simhash), values);
    }

    /**
     * The 16 hex digits of {@code value}, zero-padded. Not String.format: a Formatter per article cost 7% of
     * the enrich service's CPU in a profile (its construction, not the formatting).
     */
    static String hex16(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static long fnv1a(List<String> shingle) {
        long hash = 0xcbf29ce484222325L;
        for (String word : shingle) {
            for (int i = 0; i < word.length(); i++) {
                hash ^= word.charAt(i);
                hash *= 0x100000001b3L;
            }
            hash ^= ' ';
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A 64-bit finalizer (from SplitMix64) that spreads the seeded hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private StorySignatures() {
    }
}
