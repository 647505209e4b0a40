package dev.newspipe.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.MediaTopics;

/**
 * What story grouping and relatedness compare of an article: its entities weighted by salience (with their
 * types), its MinHash signature, its top-level topics and its publication time (null when unknown).
 *
 * <p>Besides the readable form that is stored, each instance keeps a compared form: entity ids as sorted 64-bit
 * hashes with their weights, and top-level topics as bits. Every stored article is compared with hundreds of
 * candidates, and hash-map lookups of string ids were the store's largest CPU cost (JFR).
 */
final class StoryFeatures {

    /** Entities compared: the most salient ones carry what an article is about; the tail adds cost, not signal. */
    static final int COMPARED_ENTITIES = 12;

    /** Entity types that pin a story down more than a country does: people, organisations, events. */
    private static final Set<ArticleEnriched.EntityType> SPECIFIC = Set.of(ArticleEnriched.EntityType.PERSON,
            ArticleEnriched.EntityType.ORGANIZATION, ArticleEnriched.EntityType.EVENT, ArticleEnriched.EntityType.PRODUCT);

    /** Entities by weight, best first; ties by id, so that the kept entities and the keys are deterministic. */
    private static final Comparator<Map.Entry<String, Double>> MOST_SALIENT_FIRST =
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

    /** A bit per top-level Media Topic, in code order. */
    private static final Map<String, Integer> TOP_LEVEL_BIT = topLevelBits();

    private final String id;
    private final Instant publishedAt;
    private final Map<String, Double> entityWeights;
    private final Set<String> specificEntities;
    private final int[] minhash;
    private final Set<String> topLevelTopics;
    private final double entityNorm;
    private final long[] entityKeys;
    private final double[] entityKeyWeights;
    private final long[] specificKeys;
    private final long topicBits;

    private StoryFeatures(String id, Instant publishedAt, Map<String, Double> entityWeights, Set<String> specificEntities,
            int[] minhash, Set<String> topLevelTopics) {
        this.id = id;
        this.publishedAt = publishedAt;
        this.entityWeights = entityWeights;
        this.specificEntities = specificEntities;
        this.minhash = minhash;
        this.topLevelTopics = topLevelTopics;
        double sum = 0;
        long[][] keyed = new long[entityWeights.size()][];
        int i = 0;
        for (Map.Entry<String, Double> e : entityWeights.entrySet()) {
            sum += e.getValue() * e.getValue();
            keyed[i++] = new long[] {StoryMatcher.hash(e.getKey()), Double.doubleToRawLongBits(e.getValue())};
        }
        this.entityNorm = Math.sqrt(sum);
        Arrays.sort(keyed, (x, y) -> Long.compare(x[0], y[0]));
        this.entityKeys = new long[keyed.length];
        this.entityKeyWeights = new double[keyed.length];
        for (int k = 0; k < keyed.length; k++) {
            entityKeys[k] = keyed[k][0];
            entityKeyWeights[k] = Double.longBitsToDouble(keyed[k][1]);
        }
        this.specificKeys = specificEntities.stream().mapToLong(StoryMatcher::hash).sorted().toArray();
        long bits = 0;
        for (String code : topLevelTopics) {
            bits |= 1L << topicBit(code);
        }
        this.topicBits = bits;
    }

    /** Keeps the {@link #COMPARED_ENTITIES} most salient entities. */
    static StoryFeatures create(String id, Instant publishedAt, Map<String, Double> weights, Set<String> specific,
            int[] minhash, Set<String> topLevelTopics) {
        Map<String, Double> top = new HashMap<>();
        weights.entrySet().stream()
                .sorted(MOST_SALIENT_FIRST)
                .limit(COMPARED_ENTITIES).forEach(e -> top.put(e.getKey(), e.getValue()));
        Set<String> keptSpecific = new HashSet<>(specific);
        keptSpecific.retainAll(top.keySet());
        return new StoryFeatures(id, publishedAt, top, keptSpecific, minhash, topLevelTopics);
    }

    static StoryFeatures of(ArticleEnriched event) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Set<String> specific = new TreeSet<>();
        List<ArticleEnriched.Entity> entities = event.entities() == null ? List.of() : event.entities();
        for (ArticleEnriched.Entity e : entities) {
            weights.merge(e.id(), Math.max(0.05, e.salience()), Math::max);
            if (SPECIFIC.contains(e.type())) {
                specific.add(e.id());
            }
        }
        Set<String> topics = new TreeSet<>();
        if (event.topics() != null) {
            for (ArticleEnriched.MediaTopic t : event.topics()) {
                MediaTopics.withAncestors(t.code()).stream().filter(a -> a.parent() == null)
                        .forEach(a -> topics.add(a.code()));
            }
        }
        int[] minhash = event.signature() == null || event.signature().minhash() == null ? new int[0]
                : event.signature().minhash().stream().mapToInt(Integer::intValue).toArray();
        return create(event.id(), event.article().publishedAt(), weights, specific, minhash, topics);
    }

    String id() {
        return id;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    /** Entity id → salience weight, for the {@link #COMPARED_ENTITIES} most salient entities. */
    Map<String, Double> entityWeights() {
        return entityWeights;
    }

    /** The ids among {@link #entityWeights()} of people, organisations, events and products. */
    Set<String> specificEntities() {
        return specificEntities;
    }

    int[] minhash() {
        return minhash;
    }

    Set<String> topLevelTopics() {
        return topLevelTopics;
    }

    /** The Euclidean norm of the entity weight vector. */
    double entityNorm() {
        return entityNorm;
    }

    /** Entity ids as 64-bit hashes, ascending; {@link #entityKeyWeights()} holds their weights in the same order. */
    long[] entityKeys() {
        return entityKeys;
    }

    double[] entityKeyWeights() {
        return entityKeyWeights;
    }

    /** The specific entities as 64-bit hashes, ascending. */
    long[] specificKeys() {
        return specificKeys;
    }

    /** One bit per top-level topic. */
    long topicBits() {
        return topicBits;
    }

    /** The most salient entity ids, best first (ties by id so that keys are deterministic). */
    List<String> topEntities(int n) {
        return entityWeights.entrySet().stream()
                .sorted(MOST_SALIENT_FIRST)
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /**
     * The bit of a top-level code. Known codes get their own bit; a code the vocabulary doesn't know (stored by
     * an older vocabulary) gets one of the upper bits by hash, so it still matches itself.
     */
    private static int topicBit(String code) {
        Integer bit = TOP_LEVEL_BIT.get(code);
        return bit != null ? bit : 32 + Math.floorMod(code.hashCode(), 32);
    }

    private static Map<String, Integer> topLevelBits() {
        Map<String, Integer> bits = new HashMap<>();
        MediaTopics.all().stream().filter(t -> t.parent() == null).map(MediaTopics.Topic::code).sorted()
                .forEach(code -> bits.put(code, bits.size()));
        if (bits.size() > 32) {
            throw new IllegalStateException("more than 32 top-level Media Topics: " + bits.size());
        }
        return Map.copyOf(bits);
    }
}
