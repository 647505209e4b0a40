package dev.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.MediaTopics;

/**
 * JDBC access to the articles table. Writes are idempotent upserts: a replayed or duplicate event
 * leaves one row, a newer revision or enrichment version replaces an older one, an older one never
 * overwrites a newer one.
 */
@ApplicationScoped
public class ArticleRepository {

    /** The row as stored: the enriched event and when it was written. */
    public record StoredRow(ArticleEnriched event, String storyId, Instant storedAt) {
    }

    private static final String INSERT = """
            INSERT INTO articles (id, revision, enrichment_version, enrichment_rank, url, headline, source, language,
                                  published_at, ingested_at, enriched_at, event, body, story_id)
            VALUES """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
    private static final String ON_CONFLICT = """
             ON CONFLICT (id) DO UPDATE SET
                revision = EXCLUDED.revision, enrichment_version = EXCLUDED.enrichment_version,
                enrichment_rank = EXCLUDED.enrichment_rank, url = EXCLUDED.url, headline = EXCLUDED.headline,
                source = EXCLUDED.source, language = EXCLUDED.language, published_at = EXCLUDED.published_at,
                ingested_at = EXCLUDED.ingested_at, enriched_at = EXCLUDED.enriched_at, event = EXCLUDED.event,
                body = EXCLUDED.body, story_id = EXCLUDED.story_id, stream_seq = nextval('article_stream_seq'),
                stored_at = now()
            WHERE (EXCLUDED.revision, EXCLUDED.enrichment_rank) > (articles.revision, articles.enrichment_rank)
            RETURNING id, xmax <> 0
            """;
    private static final int ROWS_PER_STATEMENT = 200;
    private static final long STREAM_LOCK = 0x6e657773L;   // "news"; any constant shared by all store instances

    @Inject
    DataSource dataSource;

    /** For CDI, which injects the data source. */
    public ArticleRepository() {
    }

    /** Outside CDI (the JMH benchmarks): the given data source, e.g. a pool on a throwaway database. */
    public ArticleRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes the events in one transaction with multi-row statements; within the batch the newest
     * version of each article wins. Returns the ids whose rows were inserted or replaced.
     */
    public Set<String> upsertAll(List<ArticleEnriched> events) throws SQLException {
        Map<String, ArticleEnriched> newest = new LinkedHashMap<>();
        for (ArticleEnriched e : events) {
            newest.merge(e.id(), e, (a, b) -> newer(b, a) ? b : a);
        }
        List<ArticleEnriched> rows = new ArrayList<>(newest.values());
        Set<String> changed = new HashSet<>();
        // Rows that replaced an older version (xmax set by the update), as opposed to new rows: only their
        // old links and story keys need deleting, and in a live stream nearly every row is new.
        Set<String> replaced = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One writer at a time takes stream positions, so they commit in order and a stream
                // reader asking for "after N" never misses a row that commits later with a lower N.
                try (Statement lock = c.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + STREAM_LOCK + ")");
                }
                // Stories first, so that each row is written once, with its story.
                Stories.Assignment stories = Stories.assign(c, rows);
                for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                    List<ArticleEnriched> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                    String sql = INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), ROW)) + ON_CONFLICT;
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        int p = 1;
                        for (ArticleEnriched event : chunk) {
                            p = bindRow(s, p, event);
                            s.setString(p++, stories.storyOf().get(event.id()));
                        }
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                changed.add(rs.getString(1));
                                if (rs.getBoolean(2)) {
                                    replaced.add(rs.getString(1));
                                }
                            }
                        }
                    }
                }
                List<ArticleEnriched> changedEvents = rows.stream().filter(e -> changed.contains(e.id())).toList();
                replaceLinks(c, changedEvents, replaced);
                Stories.record(c, changedEvents, replaced, stories);
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean newer(ArticleEnriched candidate, ArticleEnriched current) {
        int byRevision = Integer.compare(candidate.article().revision(), current.article().revision());
        return byRevision != 0 ? byRevision > 0
                : ArticleEnriched.versionRank(candidate.enrichmentVersion()) >= ArticleEnriched.versionRank(current.enrichmentVersion());
    }

    private static int bindRow(PreparedStatement s, int p, ArticleEnriched event) throws SQLException {
        ArticleIngested article = event.article();
        s.setString(p++, article.id());
        s.setInt(p++, article.revision());
        s.setString(p++, event.enrichmentVersion());
        s.setLong(p++, ArticleEnriched.versionRank(event.enrichmentVersion()));
        s.setString(p++, article.url());
        s.setString(p++, article.headline());
        s.setString(p++, article.source());
        s.setString(p++, event.language() == null ? article.language() : event.language().code());
        setTimestamp(s, p++, article.publishedAt());
        setTimestamp(s, p++, article.ingestedAt());
        setTimestamp(s, p++, event.enrichedAt());
        s.setString(p++, new String(EventJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8));
        s.setString(p++, article.body());
        return p;
    }

    /** The entity and topic rows the filters use; topics with every broader topic (direct = false). */
    private static void replaceLinks(Connection c, List<ArticleEnriched> events, Set<String> replaced) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        if (!replaced.isEmpty()) {
            deleteLinks(c, c.createArrayOf("text", replaced.toArray()));
        }
        try (PreparedStatement entities = c.prepareStatement("INSERT INTO article_entity (article_id, entity_id, entity_type,"
                + " name, mentions, salience) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement topics = c.prepareStatement(
                        "INSERT INTO article_topic (article_id, code, score, direct) VALUES (?, ?, ?, ?)")) {
            for (ArticleEnriched event : events) {
                addLinks(entities, topics, event);
            }
            entities.executeBatch();
            topics.executeBatch();
        }
    }

    private static void deleteLinks(Connection c, java.sql.Array ids) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM article_entity WHERE article_id = ANY (?)");
                PreparedStatement deleteTopics = c.prepareStatement("DELETE FROM article_topic WHERE article_id = ANY (?)")) {
            delete.setArray(1, ids);
            delete.executeUpdate();
            deleteTopics.setArray(1, ids);
            deleteTopics.executeUpdate();
        }
    }

    private static void addLinks(PreparedStatement insert, PreparedStatement topicInsert, ArticleEnriched event) throws SQLException {
        String id = event.id();
        if (event.entities() != null) {
            for (ArticleEnriched.Entity e : event.entities()) {
                insert.setString(1, id);
                insert.setString(2, e.id());
                insert.setString(3, e.type().name());
                insert.setString(4, e.name());
                insert.setInt(5, e.count());
                insert.setDouble(6, e.salience());
                insert.addBatch();
            }
        }
        Map<String, double[]> topics = new LinkedHashMap<>();   // code -> {score, direct}
        if (event.topics() != null) {
            for (ArticleEnriched.MediaTopic topic : event.topics()) {
                topics.put(topic.code(), new double[] {Math.max(score(topics, topic.code()), topic.score()), 1});
                for (MediaTopics.Topic broader : MediaTopics.withAncestors(topic.code())) {
                    if (!broader.code().equals(topic.code())) {
                        double[] known = topics.get(broader.code());
                        topics.put(broader.code(), new double[] {Math.max(score(topics, broader.code()), topic.score()),
                            known == null ? 0 : known[1]});
                    }
                }
            }
        }
        for (var t : topics.entrySet()) {
            topicInsert.setString(1, id);
            topicInsert.setString(2, t.getKey());
            topicInsert.setDouble(3, t.getValue()[0]);
            topicInsert.setBoolean(4, t.getValue()[1] == 1);
            topicInsert.addBatch();
        }
    }

    private static double score(Map<String, double[]> topics, String code) {
        double[] known = topics.get(code);
        return known == null ? 0 : known[0];
    }

    public Optional<StoredRow> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT event::text, story_id, stored_at FROM articles WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ArticleEnriched event = EventJson.fromBytes(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ArticleEnriched.class);
                return Optional.of(new StoredRow(event, rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        }
    }

    public long count(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM articles WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setTimestamp(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(instant));
        }
    }
}
