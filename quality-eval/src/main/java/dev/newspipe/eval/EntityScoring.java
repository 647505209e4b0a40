package dev.newspipe.eval;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.newspipe.eval.GoldDocument.GoldEntity;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.Mention;

/** Entity comparison by exact span and by canonical id, counted per entity type. */
public final class EntityScoring {

    /** A typed mention [start, end) of a body. */
    public record TypedSpan(String type, int start, int end) {
    }

    /** A typed entity id: QID or slug. */
    public record TypedId(String type, String id) {
    }

    /**
     * Adds one document's comparison of gold and predicted items to per-type counts: an item found in
     * both is a true positive of its type, one only predicted a false positive, one only in the gold a
     * false negative. Items are compared whole, type included, so a right span with a wrong type counts
     * as a false positive of the predicted type and a false negative of the gold type.
     */
    public static <T> void count(Set<T> gold, Set<T> predicted, Function<T, String> typeOf, Map<String, Prf> byType) {
        for (T item : predicted) {
            Prf prf = byType.computeIfAbsent(typeOf.apply(item), t -> new Prf());
            if (gold.contains(item)) {
                prf.add(1, 0, 0);
            } else {
                prf.add(0, 1, 0);
            }
        }
        for (T item : gold) {
            if (!predicted.contains(item)) {
                byType.computeIfAbsent(typeOf.apply(item), t -> new Prf()).add(0, 0, 1);
            }
        }
    }

    /** The sum of the counts of the given types (micro average). */
    public static Prf micro(Map<String, Prf> byType, Collection<String> types) {
        Prf sum = new Prf();
        for (String type : types) {
            Prf prf = byType.get(type);
            if (prf != null) {
                sum.add(prf);
            }
        }
        return sum;
    }

    public static Set<TypedSpan> goldSpans(List<GoldEntity> entities, List<GoldMentions.Resolved> resolved) {
        Set<TypedSpan> spans = new HashSet<>();
        for (GoldMentions.Resolved mention : resolved) {
            spans.add(new TypedSpan(entities.get(mention.entity()).type().name(), mention.start(), mention.end()));
        }
        return spans;
    }

    /** The canonical ids of the gold entities the body mentions at least once. */
    public static Set<TypedId> goldIds(List<GoldEntity> entities, List<GoldMentions.Resolved> resolved) {
        Set<TypedId> ids = new HashSet<>();
        for (GoldMentions.Resolved mention : resolved) {
            GoldEntity entity = entities.get(mention.entity());
            ids.add(new TypedId(entity.type().name(), entity.canonicalId()));
        }
        return ids;
    }

    /** Every predicted mention with its entity's type (the body's spans; headline mentions have none). */
    public static Set<TypedSpan> predictedSpans(ArticleEnriched enriched, Function<String, String> typeMapping) {
        Set<TypedSpan> spans = new HashSet<>();
        for (Entity entity : entities(enriched)) {
            String type = typeMapping.apply(entity.type().name());
            for (Mention mention : mentions(entity)) {
                spans.add(new TypedSpan(type, mention.start(), mention.end()));
            }
        }
        return spans;
    }

    /**
     * The ids of predicted entities mentioned in the body. Entities seen only in the headline are left out
     * because the gold annotates the body alone.
     */
    public static Set<TypedId> predictedIds(ArticleEnriched enriched) {
        Set<TypedId> ids = new HashSet<>();
        for (Entity entity : entities(enriched)) {
            if (!mentions(entity).isEmpty()) {
                ids.add(new TypedId(entity.type().name(), entity.id()));
            }
        }
        return ids;
    }

    /** Ordered map of types for reports, the three main ones first. */
    static Map<String, Prf> emptyByType() {
        Map<String, Prf> byType = new LinkedHashMap<>();
        for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
            byType.put(type, new Prf());
        }
        return byType;
    }

    static List<Entity> entities(ArticleEnriched enriched) {
        return enriched == null || enriched.entities() == null ? List.of() : enriched.entities();
    }

    private static List<Mention> mentions(Entity entity) {
        return entity.mentions() == null ? List.of() : entity.mentions();
    }

    private EntityScoring() {
    }
}
