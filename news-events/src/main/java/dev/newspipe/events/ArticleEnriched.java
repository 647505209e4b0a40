package dev.newspipe.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An ingested article with its enrichment. Keyed by the article id on {@link Topics#ENRICHED}.
 * Consumers can route on entities and topics without doing NLP of their own.
 *
 * @param enrichmentVersion version of the enrichment engine; replaying the topic with a newer engine
 *                          produces events with a higher version that replace older ones downstream
 */
public record ArticleEnriched(
        ArticleIngested article,
        String enrichmentVersion,
        Instant enrichedAt,
        DetectedLanguage language,
        List<Entity> entities,
        List<MediaTopic> topics,
        List<Keyword> keywords,
        String summary,
        List<Quote> quotes,
        StorySignature signature) {

    @JsonIgnore
    public String id() {
        return article.id();
    }

    /**
     * Orders enrichment versions numerically: "1.10.0" is newer than "1.9.2". Each of the first three
     * numeric parts counts up to 999; a suffix such as "-baseline" is ignored.
     */
    public static long versionRank(String enrichmentVersion) {
        long rank = 0;
        String[] parts = enrichmentVersion.split("[^0-9]+", -1);
        int used = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (used == 3) {
                break;
            }
            rank = rank * 1000 + Math.min(999, Long.parseLong(part.length() > 6 ? part.substring(0, 6) : part));
            used++;
        }
        for (; used < 3; used++) {
            rank *= 1000;
        }
        return rank;
    }

    /** ISO 639-1 code and the detector's confidence in [0, 1]. */
    public record DetectedLanguage(String code, double confidence) {
    }

    public enum EntityType {
        PERSON, ORGANIZATION, LOCATION, EVENT, PRODUCT, MISC
    }

    /**
     * A named entity. {@code id} is a Wikidata QID when the entity is in the knowledge base,
     * otherwise a deterministic slug of its type and canonical name.
     */
    public record Entity(
            String id,
            EntityType type,
            String name,
            List<Mention> mentions,
            int count,
            double salience) {
    }

    /** A mention as a half-open character range [start, end) of the normalized body. */
    public record Mention(String text, int start, int end) {
    }

    /** An IPTC Media Topic, e.g. {@code medtop:16000000}; level 1 is the top of the hierarchy. */
    public record MediaTopic(String code, String label, double score, int level) {
    }

    public record Keyword(String text, double score) {
    }

    /** A direct quote [start, end) in the body, with the speaking entity when the text names one. */
    public record Quote(String text, int start, int end, String speakerId, String speakerName) {
    }

    /**
     * Similarity signature for near-duplicate and story grouping: a 64-bit SimHash (16 hex digits)
     * and MinHash values over word shingles.
     */
    public record StorySignature(String simhash, List<Integer> minhash) {
    }
}
