package dev.newspipe.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Durable de-duplication. Each submission is claimed inside a transaction that the caller commits
 * only after the resulting events are in Kafka, so a failed publish leaves no trace and a retry is
 * treated as new. Unique keys and row locks make concurrent ingest instances agree.
 */
@ApplicationScoped
public class IdentityRegistry {

    /** What a submission is, compared with everything ingested before. */
    public sealed interface Claim {
    }

    /** First time this id is seen, or a changed article at a known URL. */
    public record Publish(int revision) implements Claim {
    }

    /** The same normalized content was ingested before, under {@code originalId}. */
    public record Duplicate(String originalId) implements Claim {
    }

    @Inject
    DataSource dataSource;

    public Transaction begin() throws SQLException {
        return new Transaction(dataSource.getConnection());
    }

    /** One unit of claims; close without commit rolls back. */
    public static final class Transaction implements AutoCloseable {
        private final Connection connection;
        private boolean finished;

        Transaction(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
        }

        public Claim claim(String id, String contentHash) throws SQLException {
            // Savepoint: a lost race on a unique key must not abort the claims made before it.
            var savepoint = connection.setSavepoint();
            try {
                Claim claim = claimOnce(id, contentHash);
                connection.releaseSavepoint(savepoint);
                return claim;
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // Another instance inserted the same id or content meanwhile: its row decides.
                return claimOnce(id, contentHash);
            }
        }

        private Claim claimOnce(String id, String contentHash) throws SQLException {
            String original = queryString("SELECT article_id FROM content_fingerprint WHERE content_hash = ? FOR UPDATE",
                    contentHash);
            if (original != null) {
                return new Duplicate(original);
            }
            Integer revision = queryInt("SELECT revision FROM article_identity WHERE id = ? FOR UPDATE", id);
            int next = revision == null ? 1 : revision + 1;
            if (revision == null) {
                update("INSERT INTO article_identity (id, content_hash, revision) VALUES (?, ?, 1)", id, contentHash);
            } else {
                update("UPDATE article_identity SET content_hash = ?, revision = ?, last_changed = now() WHERE id = ?",
                        contentHash, next, id);
            }
            update("INSERT INTO content_fingerprint (content_hash, article_id) VALUES (?, ?)", contentHash, id);
            return new Publish(next);
        }

        public void commit() throws SQLException {
            connection.commit();
            finished = true;
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!finished) {
                    connection.rollback();
                }
            } finally {
                connection.close();
            }
        }

        private String queryString(String sql, String arg) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, arg);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        private Integer queryInt(String sql, String arg) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, arg);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : null;
                }
            }
        }

        private void update(String sql, Object... args) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                s.executeUpdate();
            }
        }
    }
}
