package dev.newspipe.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The story rules on features built by hand; the compared form must give what the plain definitions give. */
class StoryMatcherTest {

    private static final Instant AT = Instant.parse("2024-02-20T10:00:00Z");

    @Test
    void entitySimilarityIsTheCosineOfTheWeightVectors() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            Map<String, Double> a = randomWeights(random);
            Map<String, Double> b = randomWeights(random);
            StoryFeatures fa = features("a", a, Set.of(), Set.of());
            StoryFeatures fb = features("b", b, Set.of(), Set.of());
            assertEquals(cosine(fa.entityWeights(), fb.entityWeights()), StoryMatcher.entitySimilarity(fa, fb), 1e-9);
            assertEquals(StoryMatcher.entitySimilarity(fa, fb), StoryMatcher.entitySimilarity(fb, fa), 1e-12);
        }
    }

    @Test
    void onlyTheMostSalientEntitiesAreCompared() {
        Map<String, Double> many = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("person:p" + i, 1.0 - i / 100.0);
        }
        StoryFeatures f = features("a", many, Set.of("person:p0", "person:p19"), Set.of());
        assertEquals(StoryFeatures.COMPARED_ENTITIES, f.entityWeights().size());
        assertEquals(Set.of("person:p0"), f.specificEntities());
        assertEquals(1, f.specificKeys().length);
    }

    @Test
    void sameStoryNeedsASharedSpecificEntitySimilarEntitiesAndOverlappingTopics() {
        Map<String, Double> weights = Map.of("person:antony-blinken", 0.9, "Q212", 0.8, "Q159", 0.7);
        StoryFeatures article = features("a", weights, Set.of("person:antony-blinken"), Set.of("medtop:16000000"));
        StoryFeatures same = features("b", weights, Set.of("person:antony-blinken"), Set.of("medtop:16000000", "medtop:11000000"));
        StoryFeatures placesOnly = features("c", weights, Set.of(), Set.of("medtop:16000000"));
        StoryFeatures otherTopic = features("d", weights, Set.of("person:antony-blinken"), Set.of("medtop:15000000"));
        StoryFeatures noTopics = features("e", weights, Set.of("person:antony-blinken"), Set.of());
        StoryFeatures otherEntities = features("f", Map.of("person:antony-blinken", 0.1, "Q30", 0.9, "Q148", 0.9),
                Set.of("person:antony-blinken"), Set.of("medtop:16000000"));

        assertTrue(StoryMatcher.sameStoryContent(article, same));
        assertFalse(StoryMatcher.sameStoryContent(article, placesOnly), "no shared person, organisation or event");
        assertFalse(StoryMatcher.sameStoryContent(article, otherTopic), "top-level topics don't overlap");
        assertTrue(StoryMatcher.sameStoryContent(article, noTopics), "no topics is no evidence against");
        assertFalse(StoryMatcher.sameStoryContent(article, otherEntities), "entity cosine below the threshold");
    }

    @Test
    void nearDuplicatesAreTheSameStoryWhateverTheirEntities() {
        int[] minhash = new int[16];
        int[] half = new int[16];
        for (int i = 0; i < 16; i++) {
            minhash[i] = i * 31;
            half[i] = i < 8 ? i * 31 : -i;
        }
        StoryFeatures a = StoryFeatures.create("a", AT, Map.of("Q1", 1.0), Set.of(), minhash, Set.of("medtop:04000000"));
        StoryFeatures b = StoryFeatures.create("b", AT, Map.of("Q2", 1.0), Set.of(), half, Set.of("medtop:15000000"));
        assertEquals(0.5, StoryMatcher.textSimilarity(a, b), 1e-12);
        assertTrue(StoryMatcher.nearDuplicates(a, b));
        assertTrue(StoryMatcher.sameStoryContent(a, b));
    }

    @Test
    void topicSimilarityIsTheJaccardOfTheTopLevels() {
        StoryFeatures a = features("a", Map.of(), Set.of(), Set.of("medtop:16000000", "medtop:11000000"));
        StoryFeatures b = features("b", Map.of(), Set.of(), Set.of("medtop:11000000", "medtop:04000000"));
        StoryFeatures none = features("c", Map.of(), Set.of(), Set.of());
        StoryFeatures unknown = features("d", Map.of(), Set.of(), Set.of("medtop:99000000", "medtop:11000000"));
        assertEquals(1.0 / 3, StoryMatcher.topicSimilarity(a, b), 1e-12);
        assertEquals(1.0, StoryMatcher.topicSimilarity(a, a), 1e-12);
        assertEquals(0, StoryMatcher.topicSimilarity(a, none));
        assertEquals(1.0, StoryMatcher.topicSimilarity(unknown, unknown), 1e-12, "a code the vocabulary lacks still matches itself");
        assertEquals(1.0 / 3, StoryMatcher.topicSimilarity(a, unknown), 1e-12);
    }

    @Test
    void timeBoundsTheStory() {
        Instant first = AT;
        Instant last = AT.plusSeconds(86_400);
        assertTrue(StoryMatcher.fitsInTime(last.plus(StoryMatcher.STORY_WINDOW), first, last, false));
        assertFalse(StoryMatcher.fitsInTime(last.plus(StoryMatcher.STORY_WINDOW).plusSeconds(1), first, last, false));
        assertTrue(StoryMatcher.fitsInTime(last.plus(StoryMatcher.DUPLICATE_WINDOW), first, last, true));
        assertTrue(StoryMatcher.fitsInTime(null, first, last, false), "undated: content decides");
        assertTrue(StoryMatcher.fitsInTime(AT, null, null, false), "undated story: content decides");
    }

    private static StoryFeatures features(String id, Map<String, Double> weights, Set<String> specific, Set<String> topics) {
        return StoryFeatures.create(id, AT, weights, specific, distinctMinhash(id), topics);
    }

    /** A MinHash signature no other id's shares a value with, so that no two of these are near-duplicates. */
    private static int[] distinctMinhash(String id) {
        int[] minhash = new int[16];
        for (int i = 0; i < minhash.length; i++) {
            minhash[i] = id.hashCode() * 16 + i;
        }
        return minhash;
    }

    private static Map<String, Double> randomWeights(Random random) {
        Map<String, Double> weights = new HashMap<>();
        int n = random.nextInt(16);
        for (int i = 0; i < n; i++) {
            weights.put("Q" + random.nextInt(25), 0.05 + random.nextDouble());
        }
        return weights;
    }

    /** The plain definition, over the kept entities. */
    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        Set<String> common = new HashSet<>(a.keySet());
        common.retainAll(b.keySet());
        for (String id : common) {
            dot += a.get(id) * b.get(id);
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(w -> w * w).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(w -> w * w).sum());
        return na * nb == 0 ? 0 : Math.min(1, dot / (na * nb));
    }
}
