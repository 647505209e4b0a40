package dev.newspipe.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleIngested;

/**
 * A stored article as an IPTC ninjs 3.1 news item: people, organisations and places from the
 * entities (Wikidata URIs where known), subjects from the IPTC Media Topics with relevance.
 */
public final class NinjsExport {

    static final String MEDIA_TOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/";
    static final String WIKIDATA_URI = "http://www.wikidata.org/entity/";

    public static Map<String, Object> of(ArticleEnriched enriched) {
        ArticleIngested a = enriched.article();
        Map<String, Object> ninjs = new LinkedHashMap<>();
        ninjs.put("uri", "urn:newspipe:article:" + a.id());
        ninjs.put("type", "text");
        ninjs.put("version", String.valueOf(a.revision()));
        ninjs.put("versionCreated", a.ingestedAt().toString());
        if (a.publishedAt() != null) {
            ninjs.put("firstCreated", a.publishedAt().toString());
        }
        String language = enriched.language() != null && !"und".equals(enriched.language().code())
                ? enriched.language().code() : a.language();
        if (language != null) {
            ninjs.put("language", language);
        }
        ninjs.put("headlines", List.of(Map.of("role", "main", "value", a.headline())));
        if (enriched.summary() != null && !enriched.summary().isBlank()) {
            ninjs.put("descriptions", List.of(Map.of("role", "summary", "value", enriched.summary())));
        }
        ninjs.put("bodies", List.of(Map.of("role", "text", "contentType", "text/plain", "value", a.body())));
        if (a.authors() != null && !a.authors().isEmpty()) {
            ninjs.put("by", String.join(", ", a.authors()));
        }
        if (a.source() != null) {
            ninjs.put("copyrightHolder", a.source());
        }
        // ninjs has no link list; the published URL and the producer's id are alternative ids.
        List<Map<String, String>> altIds = new ArrayList<>();
        if (a.url() != null) {
            altIds.add(Map.of("role", "canonicalUrl", "value", a.url()));
        }
        if (a.externalId() != null) {
            altIds.add(Map.of("role", "externalId", "value", a.externalId()));
        }
        putIfAny(ninjs, "altIds", altIds);
        putIfAny(ninjs, "subjects", subjects(enriched));
        putIfAny(ninjs, "people", entities(enriched, EntityType.PERSON));
        putIfAny(ninjs, "organisations", entities(enriched, EntityType.ORGANIZATION));
        putIfAny(ninjs, "places", entities(enriched, EntityType.LOCATION));
        return ninjs;
    }

    private static List<Map<String, Object>> subjects(ArticleEnriched enriched) {
        List<Map<String, Object>> subjects = new ArrayList<>();
        if (enriched.topics() != null) {
            for (ArticleEnriched.MediaTopic topic : enriched.topics()) {
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("name", topic.label());
                subject.put("rel", "about");
                subject.put("uri", MEDIA_TOPIC_URI + topic.code().substring("medtop:".length()));
                subject.put("literal", topic.code());
                subject.put("relevance", percent(topic.score()));
                subjects.add(subject);
            }
        }
        return subjects;
    }

    private static List<Map<String, Object>> entities(ArticleEnriched enriched, EntityType type) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (enriched.entities() != null) {
            for (Entity e : enriched.entities()) {
                if (e.type() != type) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", e.name());
                item.put("rel", "mentioned");
                if (e.id().matches("Q[0-9]+")) {
                    item.put("uri", WIKIDATA_URI + e.id());
                } else {
                    item.put("literal", e.id());
                }
                out.add(item);
            }
        }
        return out;
    }

    private static int percent(double score) {
        return (int) Math.max(0, Math.min(100, Math.round(score * 100)));
    }

    private static void putIfAny(Map<String, Object> ninjs, String key, List<?> values) {
        if (!values.isEmpty()) {
            ninjs.put(key, values);
        }
    }

    private NinjsExport() {
    }
}
