package dev.newspipe.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PostgreSQL's own ceiling for what the store writes, the counterpart of the broker ceiling: the rows the store
 * benchmark stored are copied aside, then inserted again under new ids by SQL alone ({@code INSERT … SELECT},
 * 250 articles per transaction, as the store's batches), with the articles' full-text index, the B-tree
 * indexes and the entity and topic link rows, but no client, no broker and no story keys. Run after the store
 * has stopped, with one session and with two (one per core).
 */
final class DatabaseCeiling {

    static final int ROWS_PER_TRANSACTION = 250;

    record Result(int articles, double oneSession, double twoSessions) {
    }

    static Result measure(String jdbcUrl, String user, String password, int maxArticles) throws Exception {
        int articles;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_articles AS SELECT row_number() OVER (ORDER BY id) AS n, * FROM articles "
                    + "ORDER BY id LIMIT " + maxArticles);
            s.execute("CREATE UNIQUE INDEX ON bench_articles (n)");
            s.execute("CREATE TABLE bench_entities AS SELECT a.n, e.* FROM article_entity e JOIN bench_articles a ON a.id = e.article_id");
            s.execute("CREATE TABLE bench_topics AS SELECT a.n, t.* FROM article_topic t JOIN bench_articles a ON a.id = t.article_id");
            s.execute("CREATE INDEX ON bench_entities (n)");
            s.execute("CREATE INDEX ON bench_topics (n)");
            s.execute("ANALYZE bench_articles, bench_entities, bench_topics");
            try (var rs = s.executeQuery("SELECT count(*) FROM bench_articles")) {
                rs.next();
                articles = rs.getInt(1);
            }
        }
        double one = run(jdbcUrl, user, password, articles, 1, "~c1");
        double two = run(jdbcUrl, user, password, articles, 2, "~c2");
        return new Result(articles, one, two);
    }

    /** Inserts every copied article once more, split between {@code sessions} connections; articles per second. */
    private static double run(String jdbcUrl, String user, String password, int articles, int sessions, String suffix)
            throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");    // so that the previous run's dirty pages are not written during this one
        } catch (SQLException notPermitted) {
            // Only superusers and pg_checkpoint members may; without it the figures are a little noisier.
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> running = new ArrayList<>();
            int share = (articles + sessions - 1) / sessions;
            long start = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                int from = i * share;
                int to = Math.min(articles, from + share);
                running.add(pool.submit(() -> {
                    insert(jdbcUrl, user, password, from, to, suffix);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return articles / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void insert(String jdbcUrl, String user, String password, int from, int to, String suffix)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement articles = c.prepareStatement("INSERT INTO articles (id, revision, enrichment_version, "
                        + "enrichment_rank, url, headline, source, language, published_at, ingested_at, enriched_at, event, "
                        + "body, story_id) SELECT id || ?, revision, enrichment_version, enrichment_rank, url, headline, source, "
                        + "language, published_at, ingested_at, enriched_at, event, body, story_id FROM bench_articles "
                        + "WHERE n > ? AND n <= ?");
                PreparedStatement entities = c.prepareStatement("INSERT INTO article_entity (article_id, entity_id, "
                        + "entity_type, name, mentions, salience) SELECT article_id || ?, entity_id, entity_type, name, "
                        + "mentions, salience FROM bench_entities WHERE n > ? AND n <= ?");
                PreparedStatement topics = c.prepareStatement("INSERT INTO article_topic (article_id, code, score, direct) "
                        + "SELECT article_id || ?, code, score, direct FROM bench_topics WHERE n > ? AND n <= ?")) {
            c.setAutoCommit(false);
            for (int n = from; n < to; n += ROWS_PER_TRANSACTION) {
                for (PreparedStatement s : List.of(articles, entities, topics)) {
                    s.setString(1, suffix);
                    s.setInt(2, n);
                    s.setInt(3, Math.min(to, n + ROWS_PER_TRANSACTION));
                    s.executeUpdate();
                }
                c.commit();
            }
        }
    }

    private DatabaseCeiling() {
    }
}
