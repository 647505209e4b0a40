package dev.newspipe.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.EventJson;

/** Runs {@link ArticleQuery}s: filters combine with AND, results come newest first, then by id. */
@ApplicationScoped
public class ArticleSearch {

    /** One result: the article's essentials, entities and topics, and a snippet highlighting {@code q}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, String headline, String url, String source, Instant publishedAt, String language,
            List<ArticleEnriched.Entity> entities, List<ArticleEnriched.MediaTopic> topics, String snippet) {
    }

    public record Page(List<Hit> items, String nextCursor, int limit) {
    }

    /** The query stemmed for every indexed language (V3 migration), so each article matches in its own. */
    private static final String TSQUERY = "news_tsquery(?)";

    @Inject
    DataSource dataSource;

    /** A hit and its position in the live stream. */
    public record StreamedHit(long seq, Hit hit) {
    }

    /** The newest position of the live stream: where a new client starts. */
    public long lastStreamSeq() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT coalesce(max(stream_seq), 0) FROM articles");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Articles stored after stream position {@code after} that match the filters, in stream order. */
    public List<StreamedHit> streamAfter(ArticleQuery filters, long after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.event::text, a.stream_seq, ");
        List<Object> params = new ArrayList<>();
        appendSnippet(sql, params, filters);
        sql.append(" FROM articles a WHERE a.stream_seq > ?");
        params.add(after);
        appendFilters(sql, params, filters);
        sql.append(" ORDER BY a.stream_seq LIMIT ?");
        params.add(limit);
        List<StreamedHit> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hits.add(new StreamedHit(rs.getLong(3), hit(rs.getString(2), rs.getString(4))));
                }
            }
        }
        return hits;
    }

    public Page search(ArticleQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.event::text, a.sort_at, ");
        List<Object> params = new ArrayList<>();
        appendSnippet(sql, params, query);
        sql.append(" FROM articles a WHERE true");
        appendFilters(sql, params, query);
        if (query.after() != null) {
            sql.append(" AND (a.sort_at, a.id) < (?, ?)");
            params.add(Timestamp.from(query.after().sortAt()));
            params.add(query.after().id());
        }
        sql.append(" ORDER BY a.sort_at DESC, a.id DESC LIMIT ?");
        params.add(query.limit() + 1);

        List<Hit> hits = new ArrayList<>();
        ArticleQuery.Cursor last = null;
        boolean more = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (hits.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    hits.add(hit(rs.getString(2), rs.getString(4)));
                    last = new ArticleQuery.Cursor(rs.getTimestamp(3).toInstant(), rs.getString(1));
                }
            }
        }
        return new Page(hits, more && last != null ? last.encode() : null, query.limit());
    }

    private static Hit hit(String eventJson, String snippet) {
        ArticleEnriched e = EventJson.fromBytes(eventJson.getBytes(StandardCharsets.UTF_8), ArticleEnriched.class);
        var a = e.article();
        return new Hit(a.id(), a.headline(), a.url(), a.source(), a.publishedAt(),
                e.language() == null ? a.language() : e.language().code(), e.entities(), e.topics(), snippet);
    }

    private static void appendSnippet(StringBuilder sql, List<Object> params, ArticleQuery query) {
        if (query.q() != null) {
            sql.append("ts_headline(news_text_config(a.language), a.body, ").append(TSQUERY)
                    .append(", 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"')");
            params.add(query.q());
        } else {
            sql.append("left(a.body, 240)");
        }
    }

    private static void appendFilters(StringBuilder sql, List<Object> params, ArticleQuery query) {
        if (query.q() != null) {
            sql.append(" AND a.search @@ ").append(TSQUERY);
            params.add(query.q());
        }
        if (query.entity() != null || query.type() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity e WHERE e.article_id = a.id");
            if (query.entity() != null) {
                sql.append(" AND (e.entity_id = ? OR lower(e.name) = lower(?))");
                params.add(query.entity());
                params.add(query.entity());
            }
            if (query.type() != null) {
                sql.append(" AND e.entity_type = ?");
                params.add(query.type().name());
            }
            sql.append(")");
        }
        if (query.topic() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.code = ?)");
            params.add(query.topic());
        }
        if (query.source() != null) {
            sql.append(" AND lower(a.source) = lower(?)");
            params.add(query.source());
        }
        if (query.language() != null) {
            sql.append(" AND a.language = ?");
            params.add(query.language());
        }
        if (query.from() != null) {
            sql.append(" AND a.sort_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND a.sort_at < ?");
            params.add(Timestamp.from(query.to()));
        }
    }
}
