package dev.newspipe.ingest.feeds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Feed subscriptions in PostgreSQL, so that they survive restarts and are shared by every instance. */
@ApplicationScoped
public class FeedRepository {

    private static final String COLUMNS = "id, url, interval_seconds, created_at, next_poll_at, last_polled_at, "
            + "last_success_at, last_status, last_error, consecutive_failures, articles_accepted, etag, last_modified";

    @Inject
    DataSource dataSource;

    /** Inserts the subscription, or returns the existing one for the same URL ({@code created} false). */
    public record Saved(FeedSubscription subscription, boolean created) {
    }

    public Saved subscribe(String id, String url, int intervalSeconds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO feed_subscription (id, url, interval_seconds) "
                        + "VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, id);
            s.setString(2, url);
            s.setInt(3, intervalSeconds);
            boolean created = s.executeUpdate() == 1;
            return new Saved(find(id).orElseThrow(), created);
        }
    }

    public List<FeedSubscription> all() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_subscription ORDER BY created_at, id");
                ResultSet rs = s.executeQuery()) {
            List<FeedSubscription> feeds = new ArrayList<>();
            while (rs.next()) {
                feeds.add(read(rs));
            }
            return feeds;
        }
    }

    public Optional<FeedSubscription> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_subscription WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public boolean delete(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM feed_subscription WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Claims up to {@code limit} due feeds for this instance: their next poll moves {@code leaseSeconds}
     * ahead, so no other instance polls them meanwhile; {@link #recordPoll} sets the real next time.
     */
    public List<FeedSubscription> claimDue(int limit, int leaseSeconds) throws SQLException {
        String sql = "UPDATE feed_subscription SET next_poll_at = now() + make_interval(secs => ?) WHERE id IN ("
                + "SELECT id FROM feed_subscription WHERE next_poll_at <= now() ORDER BY next_poll_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, leaseSeconds);
            s.setInt(2, limit);
            List<FeedSubscription> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(read(rs));
                }
            }
            return due;
        }
    }

    /** Records a poll's outcome; a subscription deleted meanwhile stays deleted. */
    public void recordPoll(String id, String status, String error, int consecutiveFailures, Instant nextPollAt,
            String etag, String lastModified, int accepted) throws SQLException {
        String sql = "UPDATE feed_subscription SET last_status = ?, last_error = ?, consecutive_failures = ?, "
                + "next_poll_at = ?, etag = ?, last_modified = ?, last_polled_at = now(), "
                + "last_success_at = CASE WHEN ? THEN now() ELSE last_success_at END, "
                + "articles_accepted = articles_accepted + ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status);
            s.setString(2, error);
            s.setInt(3, consecutiveFailures);
            s.setTimestamp(4, Timestamp.from(nextPollAt));
            s.setString(5, etag);
            s.setString(6, lastModified);
            s.setBoolean(7, error == null);
            s.setInt(8, accepted);
            s.setString(9, id);
            s.executeUpdate();
        }
    }

    private static FeedSubscription read(ResultSet rs) throws SQLException {
        return new FeedSubscription(rs.getString(1), rs.getString(2), rs.getInt(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6), instant(rs, 7), rs.getString(8) == null ? "pending" : rs.getString(8), rs.getString(9),
                rs.getInt(10), rs.getLong(11), rs.getString(12), rs.getString(13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
