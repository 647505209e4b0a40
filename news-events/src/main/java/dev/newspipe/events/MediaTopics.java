package dev.newspipe.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IPTC Media Topics taxonomy (codes, English labels, hierarchy), loaded once from the project
 * resource derived from IPTC NewsCodes (CC BY 4.0) by {@code deploy/tools/derive-mediatopics.py}.
 */
public final class MediaTopics {

    /** A concept: {@code parent} is null at the top level (level 1). */
    public record Topic(String code, String parent, int level, String label) {
    }

    private static final Map<String, Topic> BY_CODE = load("/iptc/mediatopics.tsv");
    private static final Map<String, List<String>> CHILDREN = children(BY_CODE);

    public static Optional<Topic> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static boolean exists(String code) {
        return BY_CODE.containsKey(code);
    }

    /** The topic and every broader topic up to the top level, narrowest first. */
    public static List<Topic> withAncestors(String code) {
        List<Topic> chain = new ArrayList<>();
        for (Topic t = BY_CODE.get(code); t != null && chain.size() < 10; t = t.parent() == null ? null : BY_CODE.get(t.parent())) {
            chain.add(t);
        }
        return chain;
    }

    public static List<String> children(String code) {
        return CHILDREN.getOrDefault(code, List.of());
    }

    public static List<Topic> all() {
        return List.copyOf(BY_CODE.values());
    }

    private static Map<String, Topic> load(String resource) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String[] cols : TsvResource.rows(MediaTopics.class, resource)) {
            topics.put(cols[0], new Topic(cols[0], cols[1].isEmpty() ? null : cols[1], Integer.parseInt(cols[2]), cols[3]));
        }
        return Collections.unmodifiableMap(topics);
    }

    private static Map<String, List<String>> children(Map<String, Topic> topics) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        topics.values().stream().filter(t -> t.parent() != null)
                .forEach(t -> children.computeIfAbsent(t.parent(), p -> new ArrayList<>()).add(t.code()));
        return children;
    }

    private MediaTopics() {
    }
}
