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

    public Page search(ArticleQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.event::text, a.sort_at, ");
        List<Object> params = new ArrayList<>();
        if (query.q() != null) {
            sql.append("ts_headline(news_text_config(a.language), a.body, ").append(TSQUERY)
                    .append(", 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"')");
            params.add(query.q());
        } else {
            sql.append("left(a.body, 240)");
        }
        sql.append(" FROM articles a WHERE true");
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
                    ArticleEnriched e = EventJson.fromBytes(rs.getString(2).getBytes(StandardCharsets.UTF_8), ArticleEnriched.class);
                    var a = e.article();
                    hits.add(new Hit(a.id(), a.headline(), a.url(), a.source(), a.publishedAt(),
                            e.language() == null ? a.language() : e.language().code(), e.entities(), e.topics(), rs.getString(4)));
                    last = new ArticleQuery.Cursor(rs.getTimestamp(3).toInstant(), rs.getString(1));
                }
            }
        }
        return new Page(hits, more && last != null ? last.encode() : null, query.limit());
    }
}
