package dev.newspipe.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the tests use: {@code NEWS_DB_URL} (with {@code NEWS_DB_USER} and
 * {@code NEWS_DB_PASSWORD}) when set, otherwise localhost:5432. When no server answers, it runs the
 * project's {@code deploy/local/ensure-postgres}, which starts or installs Debian's PostgreSQL where
 * it may, or explains in one line what to do.
 */
public final class PostgresServer {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+|\\[[^]]+])(?::(\\d+))?/([^?]*)(\\?.*)?");
    private static boolean ensured;

    public record Settings(String host, int port, String database, String user, String password) {
        public String jdbcUrl(String databaseName) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
        }
    }

    public static Settings settings() {
        String url = env("NEWS_DB_URL", "jdbc:postgresql://localhost:5432/news");
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("NEWS_DB_URL must look like jdbc:postgresql://host:port/database, got " + url);
        }
        return new Settings(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3),
                env("NEWS_DB_USER", "news"), env("NEWS_DB_PASSWORD", "news"));
    }

    /** Creates an empty database for one test run; the caller drops it with {@link #dropDatabase}. */
    public static synchronized String createThrowawayDatabase() {
        String name = "newspipe_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public static void dropDatabase(String name) {
        if (!name.matches("newspipe_test_[0-9a-f]{12}")) {
            throw new IllegalArgumentException("refusing to drop " + name + ": not a throwaway test database");
        }
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection c = connectToMaintenanceDatabase(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connectToMaintenanceDatabase() throws SQLException {
        Settings settings = settings();
        try {
            return DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.user(), settings.password());
        } catch (SQLException first) {
            if (ensured) {
                throw first;
            }
            ensured = true;
            runEnsureScript(first);
            return DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.user(), settings.password());
        }
    }

    private static void runEnsureScript(SQLException cause) {
        Path script = findEnsureScript();
        if (script == null) {
            throw new IllegalStateException("PostgreSQL is not reachable (" + cause.getMessage()
                    + ") and deploy/local/ensure-postgres was not found above " + Path.of("").toAbsolutePath());
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL is not reachable (" + cause.getMessage() + ") and "
                        + script + " could not provide it; see its message above");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    private static Path findEnsureScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/local/ensure-postgres");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }


    private PostgresServer() {
    }
}
