package dev.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.newspipe.events.ArticleEnriched;

/**
 * Story ids and related articles in PostgreSQL. Stories are assigned while a batch is written, in its
 * transaction: the store's writers take one advisory lock per batch, so two instances never open two
 * stories for the same event at once. {@link StoryMatcher} decides; this class finds the candidates.
 */
@ApplicationScoped
public class Stories {

    /** Recent articles looked at per key; bounds the work per article however common a key is. */
    static final int CANDIDATES_PER_KEY = 20;
    static final int MAX_RELATED = 50;

    /** An article related to another one; same story first, then by score. */
    public record RelatedArticle(String id, String headline, String url, String source, Instant publishedAt,
            String storyId, boolean sameStory, double score) {
    }

    private record Candidate(StoryFeatures features, String storyId) {
    }

    /**
     * A batch's stories ({@code storyOf}), with each article's features and lookup keys, computed once for
     * {@link #assign} and reused by {@link #record}.
     */
    record Assignment(Map<String, String> storyOf, Map<String, StoryFeatures> features, Map<String, List<Long>> keys) {
    }

    @Inject
    DataSource dataSource;

    /**
     * The story of each article of a batch about to be written: the story of the most related candidate
     * that is about the same story and fits in time, else a new story named by the article's own id. Writes
     * nothing; {@link #record} files the written articles for later ones. Runs in the caller's transaction.
     */
    static Assignment assign(Connection c, List<ArticleEnriched> events) throws SQLException {
        Map<String, String> assigned = new LinkedHashMap<>();
        Map<String, StoryFeatures> batch = new LinkedHashMap<>();
        Map<String, List<Long>> keysOf = new HashMap<>();
        Assignment assignment = new Assignment(assigned, batch, keysOf);
        if (events.isEmpty()) {
            return assignment;
        }
        for (ArticleEnriched e : events) {
            batch.put(e.id(), StoryFeatures.of(e));
        }
        Set<Long> allKeys = new LinkedHashSet<>();
        for (StoryFeatures f : batch.values()) {
            List<Long> keys = StoryMatcher.keys(f);
            keysOf.put(f.id(), keys);
            allKeys.addAll(keys);
        }
        CandidateSet found = candidates(c, allKeys, batch.keySet());
        Map<String, Candidate> candidates = found.byId();
        Map<Long, Set<String>> byKey = found.idsByKey();
        Map<String, Instant[]> storyTimes = storyTimes(c, candidates.values().stream().map(Candidate::storyId).toList());

        for (StoryFeatures article : batch.values()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Long key : keysOf.get(article.id())) {
                seen.addAll(byKey.getOrDefault(key, Set.of()));
            }
            seen.remove(article.id());
            String story = null;
            double best = -1;
            for (String id : seen) {
                Candidate candidate = candidates.get(id);
                if (candidate == null || !StoryMatcher.sameStoryContent(article, candidate.features())) {
                    continue;
                }
                Instant[] span = storyTimes.get(candidate.storyId());
                boolean duplicate = StoryMatcher.nearDuplicates(article, candidate.features());
                if (!StoryMatcher.fitsInTime(article.publishedAt(), span == null ? null : span[0],
                        span == null ? null : span[1], duplicate)) {
                    continue;
                }
                double score = StoryMatcher.relatedness(article, candidate.features());
                if (score > best) {
                    best = score;
                    story = candidate.storyId();
                }
            }
            if (story == null) {
                story = article.id();
            }
            assigned.put(article.id(), story);
            // Later articles of this batch can join this one's story.
            candidates.put(article.id(), new Candidate(article, story));
            if (article.publishedAt() != null) {
                storyTimes.merge(story, new Instant[] {article.publishedAt(), article.publishedAt()}, Stories::union);
            }
            for (Long key : keysOf.get(article.id())) {
                Set<String> filed = byKey.computeIfAbsent(key, k -> new LinkedHashSet<>());
                filed.add(article.id());
                // As in the database lookup, only the most recent articles per key: a batch of articles
                // sharing a common key must not make every later one compare with all the earlier ones.
                if (filed.size() > CANDIDATES_PER_KEY) {
                    filed.remove(filed.iterator().next());
                }
            }
        }
        return assignment;
    }

    /**
     * Files the written articles under their lookup keys (replacing the old keys of those in {@code replaced}) and
     * stores their compact features, in the caller's transaction.
     */
    static void record(Connection c, List<ArticleEnriched> written, Set<String> replaced, Assignment assignment)
            throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        if (!replaced.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM article_story_key k USING "
                    + "(SELECT unnest(keys) AS key, article_id FROM article_story_features WHERE article_id = ANY (?)) old "
                    + "WHERE k.key = old.key AND k.article_id = old.article_id")) {
                delete.setArray(1, c.createArrayOf("text", replaced.toArray()));
                delete.executeUpdate();
            }
        }
        List<Long> keys = new ArrayList<>();
        List<String> articles = new ArrayList<>();
        List<Timestamp> times = new ArrayList<>();
        List<StoryFeatures> features = new ArrayList<>();
        for (ArticleEnriched e : written) {
            StoryFeatures f = assignment.features().get(e.id());
            features.add(f);
            Timestamp at = Timestamp.from(e.article().publishedAt() != null ? e.article().publishedAt() : e.article().ingestedAt());
            for (Long key : assignment.keys().get(e.id())) {
                keys.add(key);
                articles.add(f.id());
                times.add(at);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO article_story_key (key, article_id, at) "
                + "SELECT * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[])")) {
            insert.setArray(1, c.createArrayOf("int8", keys.toArray()));
            insert.setArray(2, c.createArrayOf("text", articles.toArray()));
            insert.setArray(3, c.createArrayOf("timestamptz", times.toArray()));
            insert.executeUpdate();
        }
        writeFeatures(c, features, assignment);
        widenSpans(c, written, assignment.storyOf());
    }

    /** Widens the publication span of the stories the written dated articles belong to. */
    private static void widenSpans(Connection c, List<ArticleEnriched> written, Map<String, String> storyOf)
            throws SQLException {
        Map<String, Instant[]> spans = new HashMap<>();
        for (ArticleEnriched e : written) {
            Instant at = e.article().publishedAt();
            if (at != null) {
                spans.merge(storyOf.get(e.id()), new Instant[] {at, at}, Stories::union);
            }
        }
        if (spans.isEmpty()) {
            return;
        }
        List<String> stories = new ArrayList<>(spans.keySet());
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO story_span (story_id, first_published, last_published) "
                + "SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) ON CONFLICT (story_id) DO UPDATE SET "
                + "first_published = least(story_span.first_published, EXCLUDED.first_published), "
                + "last_published = greatest(story_span.last_published, EXCLUDED.last_published)")) {
            upsert.setArray(1, c.createArrayOf("text", stories.toArray()));
            upsert.setArray(2, c.createArrayOf("timestamptz", stories.stream().map(id -> Timestamp.from(spans.get(id)[0])).toArray()));
            upsert.setArray(3, c.createArrayOf("timestamptz", stories.stream().map(id -> Timestamp.from(spans.get(id)[1])).toArray()));
            upsert.executeUpdate();
        }
    }

    /** Up to {@code limit} stored articles most related to the given one: same story first, then by score. */
    public Optional<List<RelatedArticle>> related(String id, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Candidate> self = load(c, List.of(id));
            if (self.isEmpty()) {
                return Optional.empty();
            }
            Candidate article = self.get(id);
            Map<String, Candidate> candidates = candidates(c, new LinkedHashSet<>(StoryMatcher.keys(article.features())),
                    Set.of(id)).byId();
            Set<String> storyMembers = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM articles WHERE story_id = ? AND id <> ? ORDER BY sort_at DESC LIMIT ?")) {
                s.setString(1, article.storyId());
                s.setString(2, id);
                s.setInt(3, MAX_RELATED);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        storyMembers.add(rs.getString(1));
                    }
                }
            }
            storyMembers.removeAll(candidates.keySet());
            candidates.putAll(load(c, storyMembers));
            List<Map.Entry<Candidate, Double>> scored = new ArrayList<>();
            for (Candidate candidate : candidates.values()) {
                boolean sameStory = candidate.storyId().equals(article.storyId());
                double score = StoryMatcher.relatedness(article.features(), candidate.features());
                if (sameStory || score >= StoryMatcher.RELATED_MINIMUM) {
                    scored.add(Map.entry(candidate, score));
                }
            }
            scored.sort(Comparator.<Map.Entry<Candidate, Double>, Boolean>comparing(
                    e -> !e.getKey().storyId().equals(article.storyId()))
                    .thenComparing(Map.Entry.<Candidate, Double>comparingByValue().reversed())
                    .thenComparing(e -> e.getKey().features().id()));
            List<Map.Entry<Candidate, Double>> top = scored.subList(0, Math.min(limit, scored.size()));
            return Optional.of(describe(c, top, article.storyId()));
        }
    }

    private static List<RelatedArticle> describe(Connection c, List<Map.Entry<Candidate, Double>> top, String storyId)
            throws SQLException {
        Map<String, RelatedArticle> byId = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, headline, url, source, published_at FROM articles WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", top.stream().map(e -> e.getKey().features().id()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp published = rs.getTimestamp(5);
                    byId.put(rs.getString(1), new RelatedArticle(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), published == null ? null : published.toInstant(), null, false, 0));
                }
            }
        }
        List<RelatedArticle> out = new ArrayList<>();
        for (Map.Entry<Candidate, Double> e : top) {
            RelatedArticle r = byId.get(e.getKey().features().id());
            if (r != null) {
                out.add(new RelatedArticle(r.id(), r.headline(), r.url(), r.source(), r.publishedAt(),
                        e.getKey().storyId(), e.getKey().storyId().equals(storyId), Math.round(e.getValue() * 1000) / 1000.0));
            }
        }
        return out;
    }

    /**
     * The stored articles filed under the keys (for each key the most recent {@link #CANDIDATES_PER_KEY}), other
     * than {@code exclude}, with their features and story, in one statement; and each key's article ids, oldest
     * first, so that {@link #assign} can append the batch's own articles and drop the oldest. One statement
     * instead of a key lookup and then a feature load: a batch at a low rate holds a few articles, and this cost
     * is paid per batch. Both maps are the caller's to change.
     */
    private static CandidateSet candidates(Connection c, Set<Long> keys, Set<String> exclude) throws SQLException {
        Map<String, Candidate> out = new HashMap<>();
        Map<Long, Set<String>> byKey = new HashMap<>();
        if (keys.isEmpty()) {
            return new CandidateSet(out, byKey);
        }
        record Hit(long key, String id, Instant at) {
        }
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + FEATURE_COLUMNS + ", h.keys, h.at FROM "
                + "(SELECT s.article_id, array_agg(k.key) AS keys, max(s.at) AS at FROM unnest(?::bigint[]) AS k(key) "
                + "CROSS JOIN LATERAL (SELECT article_id, at FROM article_story_key WHERE key = k.key "
                + "ORDER BY at DESC LIMIT ?) s GROUP BY s.article_id) h "
                + "JOIN article_story_features f ON f.article_id = h.article_id")) {
            s.setArray(1, c.createArrayOf("int8", keys.toArray()));
            s.setInt(2, CANDIDATES_PER_KEY);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Candidate candidate = candidate(rs);
                    String id = candidate.features().id();
                    if (exclude.contains(id)) {
                        continue;
                    }
                    out.put(id, candidate);
                    Instant at = rs.getTimestamp(10).toInstant();
                    for (Long key : (Long[]) rs.getArray(9).getArray()) {
                        hits.add(new Hit(key, id, at));
                    }
                }
            }
        }
        // All keys of an article are filed at the same time, so ordering the hits by it orders each key's list.
        hits.sort(Comparator.comparing(Hit::at).thenComparing(Hit::id));
        for (Hit hit : hits) {
            byKey.computeIfAbsent(hit.key(), k -> new LinkedHashSet<>()).add(hit.id());
        }
        return new CandidateSet(out, byKey);
    }

    /** Stored candidates by article id, and the ids filed under each story key, oldest first. */
    private record CandidateSet(Map<String, Candidate> byId, Map<Long, Set<String>> idsByKey) {
    }

    /** The feature row columns {@link #candidate} reads, in its order. */
    private static final String FEATURE_COLUMNS = "f.article_id, coalesce(f.story_id, f.article_id), f.published_at, "
            + "f.entity_ids, f.entity_weights, f.specific_entities, f.minhash, f.top_level_topics";

    /** The story features and story of stored articles, from their compact feature rows. */
    private static Map<String, Candidate> load(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Candidate> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + FEATURE_COLUMNS
                + " FROM article_story_features f WHERE f.article_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Candidate candidate = candidate(rs);
                    out.put(candidate.features().id(), candidate);
                }
            }
        }
        return out;
    }

    /** A candidate from the {@link #FEATURE_COLUMNS} of the current row. */
    private static Candidate candidate(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        Timestamp published = rs.getTimestamp(3);
        String[] entityIds = (String[]) rs.getArray(4).getArray();
        Float[] weights = (Float[]) rs.getArray(5).getArray();
        Map<String, Double> entityWeights = new LinkedHashMap<>();
        for (int i = 0; i < entityIds.length; i++) {
            entityWeights.put(entityIds[i], weights[i].doubleValue());
        }
        Integer[] minhash = (Integer[]) rs.getArray(7).getArray();
        StoryFeatures f = StoryFeatures.create(id, published == null ? null : published.toInstant(), entityWeights,
                Set.of((String[]) rs.getArray(6).getArray()),
                java.util.Arrays.stream(minhash).mapToInt(Integer::intValue).toArray(),
                Set.of((String[]) rs.getArray(8).getArray()));
        return new Candidate(f, rs.getString(2));
    }

    /** The earliest and latest publication time of the dated articles of each story (kept in story_span). */
    private static Map<String, Instant[]> storyTimes(Connection c, Collection<String> storyIds) throws SQLException {
        Map<String, Instant[]> out = new HashMap<>();
        if (storyIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT story_id, first_published, last_published FROM story_span WHERE story_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", new HashSet<>(storyIds).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Instant[] {rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()});
                }
            }
        }
        return out;
    }

    private static void writeFeatures(Connection c, Collection<StoryFeatures> features, Assignment assignment)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO article_story_features (article_id, published_at, "
                + "entity_ids, entity_weights, specific_entities, minhash, top_level_topics, keys, story_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (article_id) DO UPDATE SET published_at = EXCLUDED.published_at, entity_ids = EXCLUDED.entity_ids, "
                + "entity_weights = EXCLUDED.entity_weights, specific_entities = EXCLUDED.specific_entities, "
                + "minhash = EXCLUDED.minhash, top_level_topics = EXCLUDED.top_level_topics, keys = EXCLUDED.keys, "
                + "story_id = EXCLUDED.story_id")) {
            for (StoryFeatures f : features) {
                upsert.setString(1, f.id());
                upsert.setTimestamp(2, f.publishedAt() == null ? null : Timestamp.from(f.publishedAt()));
                upsert.setArray(3, c.createArrayOf("text", f.entityWeights().keySet().toArray()));
                upsert.setArray(4, c.createArrayOf("float4", f.entityWeights().values().stream().map(Double::floatValue).toArray()));
                upsert.setArray(5, c.createArrayOf("text", f.specificEntities().toArray()));
                upsert.setArray(6, c.createArrayOf("int4", java.util.Arrays.stream(f.minhash()).boxed().toArray()));
                upsert.setArray(7, c.createArrayOf("text", f.topLevelTopics().toArray()));
                upsert.setArray(8, c.createArrayOf("int8", assignment.keys().get(f.id()).toArray()));
                upsert.setString(9, assignment.storyOf().get(f.id()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The span [first, last] covering both spans. */
    private static Instant[] union(Instant[] a, Instant[] b) {
        return new Instant[] {min(a[0], b[0]), max(a[1], b[1])};
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
