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
        int[] minhash, Set<String> topLevelTopics) {

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
        return new StoryFeatures(event.id(), event.article().publishedAt(), weights, specific, minhash, topics);
    }

    /** The most salient entity ids, best first (ties by id so that keys are deterministic). */
    List<String> topEntities(int n) {
        return entityWeights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
