package dev.newspipe.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How articles are grouped into stories and ranked as related; the README explains the method.
 *
 * <p>Two articles are about the same story when they are near-duplicates (at least half of their MinHash
 * values agree, i.e. an estimated shingle Jaccard of 0.5 or more), or when their salient entities largely
 * agree (cosine of salience-weighted entity vectors of at least 0.5), they share a person, organisation or
 * event, and their top-level topics overlap. Time bounds this: a dated article joins a story only when it
 * was published within {@link #STORY_WINDOW} of the story's dated articles (near-duplicates: within
 * {@link #DUPLICATE_WINDOW}). An undated article carries no time evidence, so content alone decides.
 */
final class StoryMatcher {

    static final int KEY_ENTITIES = 5;
    static final int MINHASH_ROWS_PER_BAND = 2;
    static final double NEAR_DUPLICATE = 0.5;
    static final double SAME_STORY_ENTITIES = 0.5;
    static final double RELATED_MINIMUM = 0.15;
    static final Duration STORY_WINDOW = Duration.ofDays(3);
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

    /**
     * Lookup keys: pairs of the most salient entities, and bands of the MinHash signature, each as a 64-bit
     * hash of its text (collisions only add a candidate, which the scoring then rejects).
     */
    static List<Long> keys(StoryFeatures f) {
        List<Long> keys = new ArrayList<>();
        List<String> top = f.topEntities(KEY_ENTITIES);
        for (int i = 0; i < top.size(); i++) {
            for (int j = i + 1; j < top.size(); j++) {
                String a = top.get(i);
                String b = top.get(j);
                keys.add(hash("e:" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a)));
            }
        }
        int[] m = f.minhash();
        for (int band = 0; band + MINHASH_ROWS_PER_BAND <= m.length; band += MINHASH_ROWS_PER_BAND) {
            StringBuilder key = new StringBuilder("m:").append(band / MINHASH_ROWS_PER_BAND);
            for (int r = 0; r < MINHASH_ROWS_PER_BAND; r++) {
                key.append(':').append(Integer.toHexString(m[band + r]));
            }
            keys.add(hash(key.toString()));
        }
        return keys.stream().distinct().toList();
    }

    /** FNV-1a over the UTF-16 units, then a SplitMix64 finalizer to spread the bits. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** Cosine similarity of the salience-weighted entity vectors, in [0, 1]: a merge of the sorted entity keys. */
    static double entitySimilarity(StoryFeatures a, StoryFeatures b) {
        double norms = a.entityNorm() * b.entityNorm();
        if (norms == 0) {
            return 0;
        }
        long[] ka = a.entityKeys();
        long[] kb = b.entityKeys();
        double[] wa = a.entityKeyWeights();
        double[] wb = b.entityKeyWeights();
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ka.length && j < kb.length) {
            if (ka[i] == kb[j]) {
                dot += wa[i++] * wb[j++];
            } else if (ka[i] < kb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Math.min(1, dot / norms);
    }

    /** The share of agreeing MinHash values: an estimate of the Jaccard similarity of the word shingles. */
    static double textSimilarity(StoryFeatures a, StoryFeatures b) {
        int n = Math.min(a.minhash().length, b.minhash().length);
        if (n == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a.minhash()[i] == b.minhash()[i]) {
                same++;
            }
        }
        return (double) same / n;
    }

    /** Jaccard similarity of the top-level topics; 0 when either has none. */
    static double topicSimilarity(StoryFeatures a, StoryFeatures b) {
        if (a.topicBits() == 0 || b.topicBits() == 0) {
            return 0;
        }
        return (double) Long.bitCount(a.topicBits() & b.topicBits()) / Long.bitCount(a.topicBits() | b.topicBits());
    }

    /** The relatedness score of GET /articles/{id}/related, in [0, 1]. */
    static double relatedness(StoryFeatures a, StoryFeatures b) {
        return 0.55 * entitySimilarity(a, b) + 0.30 * textSimilarity(a, b) + 0.15 * topicSimilarity(a, b);
    }

    static boolean nearDuplicates(StoryFeatures a, StoryFeatures b) {
        return textSimilarity(a, b) >= NEAR_DUPLICATE;
    }

    /** Whether the content says same story; time is checked against the whole story separately. */
    static boolean sameStoryContent(StoryFeatures a, StoryFeatures b) {
        if (nearDuplicates(a, b)) {
            return true;
        }
        // Cheapest tests first: this runs for every candidate of every article stored.
        if (!shareAny(a.specificKeys(), b.specificKeys())) {
            return false;
        }
        boolean topicsAgree = a.topicBits() == 0 || b.topicBits() == 0 || (a.topicBits() & b.topicBits()) != 0;
        return topicsAgree && entitySimilarity(a, b) >= SAME_STORY_ENTITIES;
    }

    /** Whether two ascending arrays have a value in common. */
    private static boolean shareAny(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /**
     * Whether an article published at {@code publishedAt} fits a story whose dated articles span
     * [{@code first}, {@code last}] (both null when none is dated).
     */
    static boolean fitsInTime(Instant publishedAt, Instant first, Instant last, boolean nearDuplicate) {
        if (publishedAt == null || first == null) {
            return true;
        }
        Duration window = nearDuplicate ? DUPLICATE_WINDOW : STORY_WINDOW;
        return !publishedAt.isBefore(first.minus(window)) && !publishedAt.isAfter(last.plus(window));
    }

    private StoryMatcher() {
    }
}
