package dev.newspipe.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** An article to claim: its id and the hash of its normalized content. */
    public record Candidate(String id, String contentHash) {
    }

    private static final int MAX_ATTEMPTS = 5;

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

        /**
         * Claims the articles of one unit, in order: an article whose content was ingested before (or
         * earlier in the same list) is a duplicate; otherwise it is published as the next revision of its
         * id. A few statements serve the whole list, however long it is.
         */
        public List<Claim> claimAll(List<Candidate> candidates) throws SQLException {
            if (candidates.isEmpty()) {
                return List.of();
            }
            for (int attempt = 1;; attempt++) {
                // Savepoint: losing a race to a concurrent claim must not abort the caller's transaction.
                Savepoint savepoint = connection.setSavepoint();
                try {
                    List<Claim> claims = claimAllOnce(candidates);
                    connection.releaseSavepoint(savepoint);
                    return claims;
                } catch (SQLException e) {
                    connection.rollback(savepoint);
                    // Another instance inserted one of these ids or contents meanwhile (unique key), or
                    // locked rows in another order (deadlock): its committed rows decide on the next try.
                    if (attempt == MAX_ATTEMPTS || !("23505".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()))) {
                        throw e;
                    }
                }
            }
        }

        private List<Claim> claimAllOnce(List<Candidate> candidates) throws SQLException {
            Map<String, String> originalByContent = locked(
                    "SELECT content_hash, article_id FROM content_fingerprint WHERE content_hash = ANY(?) "
                            + "ORDER BY content_hash FOR UPDATE",
                    candidates.stream().map(Candidate::contentHash).distinct().toArray(String[]::new), rs -> rs.getString(2));
            Map<String, Integer> revision = locked(
                    "SELECT id, revision FROM article_identity WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                    candidates.stream().map(Candidate::id).distinct().toArray(String[]::new), rs -> rs.getInt(2));
            Set<String> stored = Set.copyOf(revision.keySet());
            Map<String, Candidate> latestById = new LinkedHashMap<>();
            List<Candidate> newContents = new ArrayList<>();
            List<Claim> claims = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                String original = originalByContent.get(c.contentHash());
                if (original != null) {
                    claims.add(new Duplicate(original));
                    continue;
                }
                int next = revision.getOrDefault(c.id(), 0) + 1;
                revision.put(c.id(), next);
                originalByContent.put(c.contentHash(), c.id());
                latestById.put(c.id(), c);
                newContents.add(c);
                claims.add(new Publish(next));
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article_identity (id, content_hash, revision) VALUES (?, ?, ?)");
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE article_identity SET content_hash = ?, revision = ?, last_changed = now() WHERE id = ?")) {
                for (Candidate c : latestById.values()) {
                    if (stored.contains(c.id())) {
                        update.setString(1, c.contentHash());
                        update.setInt(2, revision.get(c.id()));
                        update.setString(3, c.id());
                        update.addBatch();
                    } else {
                        insert.setString(1, c.id());
                        insert.setString(2, c.contentHash());
                        insert.setInt(3, revision.get(c.id()));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO content_fingerprint (content_hash, article_id) VALUES (?, ?)")) {
                for (Candidate c : newContents) {
                    insert.setString(1, c.contentHash());
                    insert.setString(2, c.id());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return claims;
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

        /** Reads one column of a row. */
        private interface Column<V> {
            V read(ResultSet rs) throws SQLException;
        }

        /** The rows a query with one text-array parameter returns: the first column to {@code value}'s. */
        private <V> Map<String, V> locked(String sql, String[] keys, Column<V> value) throws SQLException {
            Map<String, V> rows = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setArray(1, connection.createArrayOf("text", keys));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), value.read(rs));
                    }
                }
            }
            return rows;
        }
    }
}
