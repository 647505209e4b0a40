package dev.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.MediaTopics;

/** Aggregates over the entity and topic link tables. */
@ApplicationScoped
public class Catalog {

    public record EntityCount(String id, String type, String name, long articles) {
    }

    public record EntityDetail(String id, String type, String name, long articles, Instant firstSeen, Instant lastSeen) {
    }

    /**
     * An entity whose share of articles rose from the previous window of the same length to this one:
     * {@code rate} = articles mentioning it / all articles in the window, {@code rise} = rate - previousRate.
     */
    public record TrendingEntity(String id, String type, String name, long articles, long previousArticles,
            double rate, double previousRate, double rise) {
    }

    /** The windows a trending answer compares, and how many articles each held. */
    public record Trending(Instant from, Instant to, Instant previousFrom, long articles, long previousArticles,
            List<TrendingEntity> entities) {
    }

    /** A topic with the articles about it or a narrower topic, and its narrower topics that have any. */
    public record TopicCount(String code, String label, int level, long articles, List<TopicCount> narrower) {
    }

    @Inject
    DataSource dataSource;

    public List<EntityCount> entities(String q, EntityType type, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT entity_id, mode() WITHIN GROUP (ORDER BY entity_type), "
                + "mode() WITHIN GROUP (ORDER BY name), count(*) FROM article_entity WHERE true");
        List<Object> params = new ArrayList<>();
        if (q != null) {
            sql.append(" AND lower(name) LIKE lower(?) ESCAPE '\\'");
            params.add(q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (type != null) {
            sql.append(" AND entity_type = ?");
            params.add(type.name());
        }
        sql.append(" GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT ?");
        params.add(limit);
        List<EntityCount> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new EntityCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    public Optional<EntityDetail> entity(String id) throws SQLException {
        String sql = "SELECT mode() WITHIN GROUP (ORDER BY e.entity_type), mode() WITHIN GROUP (ORDER BY e.name), count(*), "
                + "min(a.sort_at), max(a.sort_at) FROM article_entity e JOIN articles a ON a.id = e.article_id "
                + "WHERE e.entity_id = ? HAVING count(*) > 0";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EntityDetail(id, rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
            }
        }
    }

    /**
     * Entities whose mention rate rose most in [from, to) against [from - (to - from), from), by article
     * time (publication, else ingest). Rates, not counts, so a busier window does not lift every entity.
     */
    public Trending trending(Instant from, Instant to, EntityType type, int limit) throws SQLException {
        Instant previousFrom = from.minus(java.time.Duration.between(from, to));
        long now;
        long before;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FILTER (WHERE sort_at >= ?), "
                    + "count(*) FILTER (WHERE sort_at < ?) FROM articles WHERE sort_at >= ? AND sort_at < ?")) {
                s.setTimestamp(1, java.sql.Timestamp.from(from));
                s.setTimestamp(2, java.sql.Timestamp.from(from));
                s.setTimestamp(3, java.sql.Timestamp.from(previousFrom));
                s.setTimestamp(4, java.sql.Timestamp.from(to));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    now = rs.getLong(1);
                    before = rs.getLong(2);
                }
            }
            List<TrendingEntity> out = new ArrayList<>();
            if (now == 0) {
                return new Trending(from, to, previousFrom, now, before, out);
            }
            String sql = "SELECT e.entity_id, mode() WITHIN GROUP (ORDER BY e.entity_type), mode() WITHIN GROUP (ORDER BY e.name), "
                    + "count(*) FILTER (WHERE a.sort_at >= ?) AS in_window, count(*) FILTER (WHERE a.sort_at < ?) AS in_previous "
                    + "FROM article_entity e JOIN articles a ON a.id = e.article_id "
                    + "WHERE a.sort_at >= ? AND a.sort_at < ?" + (type == null ? "" : " AND e.entity_type = ?")
                    + " GROUP BY e.entity_id HAVING count(*) FILTER (WHERE a.sort_at >= ?) > 0 "
                    + "ORDER BY count(*) FILTER (WHERE a.sort_at >= ?)::float8 / ? "
                    + "- count(*) FILTER (WHERE a.sort_at < ?)::float8 / ? DESC, in_window DESC, e.entity_id LIMIT ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                s.setTimestamp(p++, java.sql.Timestamp.from(from));
                s.setTimestamp(p++, java.sql.Timestamp.from(from));
                s.setTimestamp(p++, java.sql.Timestamp.from(previousFrom));
                s.setTimestamp(p++, java.sql.Timestamp.from(to));
                if (type != null) {
                    s.setString(p++, type.name());
                }
                s.setTimestamp(p++, java.sql.Timestamp.from(from));
                s.setTimestamp(p++, java.sql.Timestamp.from(from));
                s.setDouble(p++, now);
                s.setTimestamp(p++, java.sql.Timestamp.from(from));
                s.setDouble(p++, Math.max(1, before));
                s.setInt(p, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double rate = rs.getLong(4) / (double) now;
                        double previousRate = before == 0 ? 0 : rs.getLong(5) / (double) before;
                        double rise = rate - previousRate;
                        if (rise <= 0) {
                            break;
                        }
                        out.add(new TrendingEntity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), round(rate), round(previousRate), round(rise)));
                    }
                }
            }
            return new Trending(from, to, previousFrom, now, before, out);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    public List<TopicCount> topics() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT code, count(*) FROM article_topic GROUP BY code");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<TopicCount> top = new ArrayList<>();
        for (MediaTopics.Topic t : MediaTopics.all()) {
            if (t.parent() == null && counts.containsKey(t.code())) {
                top.add(tree(t, counts));
            }
        }
        top.sort((a, b) -> Long.compare(b.articles(), a.articles()));
        return top;
    }

    private static TopicCount tree(MediaTopics.Topic topic, Map<String, Long> counts) {
        List<TopicCount> narrower = new ArrayList<>();
        for (String child : MediaTopics.children(topic.code())) {
            if (counts.containsKey(child)) {
                narrower.add(tree(MediaTopics.find(child).orElseThrow(), counts));
            }
        }
        narrower.sort((a, b) -> Long.compare(b.articles(), a.articles()));
        return new TopicCount(topic.code(), topic.label(), topic.level(), counts.get(topic.code()), narrower);
    }
}
