package dev.newspipe.eval;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.MediaTopics;

/** Topics compared at the top level of the IPTC Media Topics hierarchy. */
public final class TopicScoring {

    /** What a document without any predicted topic is reported as. */
    public static final String NONE = "none";

    /** The level-1 code a code belongs to (itself at level 1), or null for a code the taxonomy lacks. */
    public static String topLevelOf(String code) {
        List<MediaTopics.Topic> chain = MediaTopics.withAncestors(code);
        if (chain.isEmpty()) {
            return null;
        }
        MediaTopics.Topic top = chain.get(chain.size() - 1);
        return top.level() == 1 ? top.code() : null;
    }

    /**
     * The engine's best top-level topic: the first topic of the list (engines order by score) if it is at
     * level 1, else its level-1 ancestor; {@link #NONE} when there are no topics.
     */
    public static String bestTopLevel(ArticleEnriched enriched) {
        List<MediaTopic> topics = topics(enriched);
        if (topics.isEmpty()) {
            return NONE;
        }
        String top = topLevelOf(topics.get(0).code());
        return top != null ? top : topics.get(0).code();
    }

    public static Set<String> topLevels(Collection<String> codes) {
        Set<String> tops = new LinkedHashSet<>();
        for (String code : codes) {
            String top = topLevelOf(code);
            tops.add(top != null ? top : code);
        }
        return tops;
    }

    public static Set<String> predictedTopLevels(ArticleEnriched enriched) {
        return topLevels(topics(enriched).stream().map(MediaTopic::code).toList());
    }

    /** Whether any predicted topic is {@code code} or narrower than it. */
    public static boolean hasTopicUnder(ArticleEnriched enriched, String code) {
        for (MediaTopic topic : topics(enriched)) {
            if (MediaTopics.withAncestors(topic.code()).stream().anyMatch(t -> t.code().equals(code))
                    || topic.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    static List<MediaTopic> topics(ArticleEnriched enriched) {
        return enriched == null || enriched.topics() == null ? List.of() : enriched.topics();
    }

    /** "medtop:16000000 conflicts, war and peace" for reports. */
    public static String describe(String code) {
        return MediaTopics.find(code).map(t -> code + " " + t.label()).orElse(code);
    }

    private TopicScoring() {
    }
}
