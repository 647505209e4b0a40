package dev.newspipe.store;

import java.time.Instant;
import java.util.Comparator;
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
 */
record StoryFeatures(String id, Instant publishedAt, Map<String, Double> entityWeights, Set<String> specificEntities,
        int[] minhash, Set<String> topLevelTopics, double entityNorm) {

    /** Entities compared: the most salient ones carry what an article is about; the tail adds cost, not signal. */
    static final int COMPARED_ENTITIES = 12;

    /** Keeps the {@link #COMPARED_ENTITIES} most salient entities and computes the vector norm once. */
    static StoryFeatures create(String id, Instant publishedAt, Map<String, Double> weights, Set<String> specific,
            int[] minhash, Set<String> topLevelTopics) {
        Map<String, Double> top = new java.util.HashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(COMPARED_ENTITIES).forEach(e -> top.put(e.getKey(), e.getValue()));
        double sum = 0;
        for (double w : top.values()) {
            sum += w * w;
        }
        Set<String> keptSpecific = new java.util.HashSet<>(specific);
        keptSpecific.retainAll(top.keySet());
        return new StoryFeatures(id, publishedAt, top, keptSpecific, minhash, topLevelTopics, Math.sqrt(sum));
    }

    /** Entity types that pin a story down more than a country does: people, organisations, events. */
    private static final Set<ArticleEnriched.EntityType> SPECIFIC = Set.of(ArticleEnriched.EntityType.PERSON,
            ArticleEnriched.EntityType.ORGANIZATION, ArticleEnriched.EntityType.EVENT, ArticleEnriched.EntityType.PRODUCT);

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

    /** The most salient entity ids, best first (ties by id so that keys are deterministic). */
    List<String> topEntities(int n) {
        return entityWeights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
