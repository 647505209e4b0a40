package dev.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    public record StoredRow(ArticleEnriched event, Instant storedAt) {
    }

    private static final String UPSERT = """
            INSERT INTO articles (id, revision, enrichment_version, enrichment_rank, url, headline, source, language,
                                  published_at, ingested_at, enriched_at, event, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (id) DO UPDATE SET
                revision = EXCLUDED.revision, enrichment_version = EXCLUDED.enrichment_version,
                enrichment_rank = EXCLUDED.enrichment_rank, url = EXCLUDED.url, headline = EXCLUDED.headline,
                source = EXCLUDED.source, language = EXCLUDED.language, published_at = EXCLUDED.published_at,
                ingested_at = EXCLUDED.ingested_at, enriched_at = EXCLUDED.enriched_at, event = EXCLUDED.event,
                body = EXCLUDED.body,
                stored_at = now()
            WHERE (EXCLUDED.revision, EXCLUDED.enrichment_rank) > (articles.revision, articles.enrichment_rank)
            """;

    @Inject
    DataSource dataSource;

    /** Writes the event in its own transaction; returns whether the row was inserted or replaced. */
    public boolean upsert(ArticleEnriched event) throws SQLException {
        ArticleIngested article = event.article();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, article.id());
                s.setInt(2, article.revision());
                s.setString(3, event.enrichmentVersion());
                s.setLong(4, ArticleEnriched.versionRank(event.enrichmentVersion()));
                s.setString(5, article.url());
                s.setString(6, article.headline());
                s.setString(7, article.source());
                s.setString(8, event.language() == null ? article.language() : event.language().code());
                setTimestamp(s, 9, article.publishedAt());
                setTimestamp(s, 10, article.ingestedAt());
                setTimestamp(s, 11, event.enrichedAt());
                s.setString(12, new String(EventJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8));
                s.setString(13, article.body());
                boolean changed = s.executeUpdate() == 1;
                if (changed) {
                    replaceLinks(c, event);
                }
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The entity and topic rows the filters use; topics with every broader topic (direct = false). */
    private static void replaceLinks(Connection c, ArticleEnriched event) throws SQLException {
        String id = event.id();
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM article_entity WHERE article_id = ?");
                PreparedStatement deleteTopics = c.prepareStatement("DELETE FROM article_topic WHERE article_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
            deleteTopics.setString(1, id);
            deleteTopics.executeUpdate();
        }
        if (event.entities() != null && !event.entities().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO article_entity (article_id, entity_id, entity_type,"
                    + " name, mentions, salience) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (ArticleEnriched.Entity e : event.entities()) {
                    insert.setString(1, id);
                    insert.setString(2, e.id());
                    insert.setString(3, e.type().name());
                    insert.setString(4, e.name());
                    insert.setInt(5, e.count());
                    insert.setDouble(6, e.salience());
                    insert.addBatch();
                }
                insert.executeBatch();
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
        if (!topics.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO article_topic (article_id, code, score, direct) VALUES (?, ?, ?, ?)")) {
                for (var t : topics.entrySet()) {
                    insert.setString(1, id);
                    insert.setString(2, t.getKey());
                    insert.setDouble(3, t.getValue()[0]);
                    insert.setBoolean(4, t.getValue()[1] == 1);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static double score(Map<String, double[]> topics, String code) {
        double[] known = topics.get(code);
        return known == null ? 0 : known[0];
    }

    public Optional<StoredRow> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT event::text, stored_at FROM articles WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ArticleEnriched event = EventJson.fromBytes(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        ArticleEnriched.class);
                return Optional.of(new StoredRow(event, rs.getTimestamp(2).toInstant()));
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
