package dev.newspipe.store.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.newspipe.store.status.StatusSnapshot.StoredArticle;
import dev.newspipe.store.status.StatusSnapshot.StoredArticles;

/** Reads the store's recent figures from PostgreSQL: rows stored within the window, and the last stored articles. */
final class StoredArticlesReader {

    private final DataSource dataSource;

    StoredArticlesReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The figures, or why they could not be read; never throws for a database that is away. */
    StoredArticles read(Duration window, int shown, Duration timeout) {
        int timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection c = dataSource.getConnection()) {
            long storedInWindow;
            // stored_at is set on insert and on every replacement, so this counts rows written, as the stage's output.
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM articles WHERE stored_at > now() - make_interval(secs => ?)")) {
                s.setQueryTimeout(timeoutSeconds);
                s.setDouble(1, window.toMillis() / 1000.0);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    storedInWindow = rs.getLong(1);
                }
            }
            List<StoredArticle> latest = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, headline, language, stored_at FROM articles ORDER BY stored_at DESC, id DESC LIMIT ?")) {
                s.setQueryTimeout(timeoutSeconds);
                s.setInt(1, shown);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        latest.add(new StoredArticle(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
            }
            return new StoredArticles(true, null, Rate.of(storedInWindow, window.toMillis() / 1000.0), latest);
        } catch (SQLException e) {
            return new StoredArticles(false, "database unavailable: " + e.getMessage(), null, List.of());
        }
    }
}
