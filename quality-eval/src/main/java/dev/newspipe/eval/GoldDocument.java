package dev.newspipe.eval;

import java.util.List;

import dev.newspipe.events.ArticleEnriched.EntityType;

/**
 * One gold file: which document it annotates and what a careful reader finds in its normalized body. A
 * real text stays in the shared directory and the gold file names it by {@code source}; an article written
 * for this project carries its own {@code headline} and {@code body} instead.
 *
 * @param file     the gold file's name (set by the loader)
 * @param source   path relative to the shared directory (null for a written article)
 * @param story    1-based story of a scraped page (null: the first)
 * @param row      1-based data row of the AG News CSV
 * @param headline a written article's headline (null for a shared text)
 * @param body     a written article's body as submitted, paragraphs separated by blank lines (null for a
 *                 shared text)
 * @param topics   IPTC Media Topic codes the document is about (any level)
 * @param entities every PERSON, ORGANIZATION and LOCATION in the body, and others where clear
 * @param note     free text for annotators, ignored by the evaluation
 */
public record GoldDocument(String file, String source, Integer story, Integer row, String headline, String body,
        List<String> topics,
        List<GoldEntity> entities, String note) {

    public GoldDocument {
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    GoldDocument withFile(String name) {
        return new GoldDocument(name, source, story, row, headline, body, topics, entities, note);
    }

    /** Whether the text is held in the gold file (an article written for this project). */
    public boolean written() {
        return body != null;
    }

    /** A short label for reports: the gold file's name without ".json". */
    public String label() {
        return file == null ? source : file.replaceFirst("\\.json$", "");
    }

    /**
     * @param id       Wikidata QID, or null when the annotator was not sure of one (compared by name slug then)
     * @param name     canonical name
     * @param mentions the strings by which the body refers to the entity, each matched wherever it occurs
     */
    public record GoldEntity(EntityType type, String id, String name, List<String> mentions) {

        public GoldEntity {
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }

        /** What the entity is compared by at the canonical level: the QID, else the name slug. */
        public String canonicalId() {
            return id != null && !id.isBlank() ? id : EntityIds.slug(type, name);
        }
    }
}
