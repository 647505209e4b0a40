package dev.newspipe.messaging;

import java.sql.SQLException;

/** Tells a database that is away (retry) from data it refuses (give up on that record). */
public final class DatabaseErrors {

    /**
     * Only data exceptions (SQLSTATE class 22), integrity violations (23) and syntax or access errors
     * (42) are final: every other failure, including a lost connection or a pool timeout without a
     * state, is treated as the database being away, so that no record is given up for it.
     */
    public static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String category = sql.getSQLState().length() >= 2 ? sql.getSQLState().substring(0, 2) : "";
                return !(category.equals("22") || category.equals("23") || category.equals("42"));
            }
        }
        return true;
    }

    private DatabaseErrors() {
    }
}
