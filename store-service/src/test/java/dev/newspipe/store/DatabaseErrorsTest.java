package dev.newspipe.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.messaging.DatabaseErrors;

class DatabaseErrorsTest {

    @Test
    void connectionLossAndUnknownFailuresAreRetriedDataErrorsAreNot() {
        assertTrue(DatabaseErrors.isTransient(new SQLException("connection refused", "08001")));
        assertTrue(DatabaseErrors.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseErrors.isTransient(new SQLException("acquisition timeout")));
        assertTrue(DatabaseErrors.isTransient(new SQLException("wrapped", null, new SQLException("x", "08006"))));
        assertFalse(DatabaseErrors.isTransient(new SQLException("value too long", "22001")));
        assertFalse(DatabaseErrors.isTransient(new SQLException("not null violation", "23502")));
    }

    @Test
    void enrichmentVersionsCompareNumerically() {
        assertTrue(ArticleEnriched.versionRank("1.10.0") > ArticleEnriched.versionRank("1.9.2"));
        assertTrue(ArticleEnriched.versionRank("2") > ArticleEnriched.versionRank("1.99.99"));
        assertTrue(ArticleEnriched.versionRank("0.1.0-baseline") == ArticleEnriched.versionRank("0.1.0"));
    }
}
