package dev.newspipe.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the suite's own (Debian's {@code pg_createcluster}), so that stopping the
 * database for the outage fault touches nothing else on the machine. Needs root on Debian with the
 * postgresql package installed, as {@code deploy/local/ensure-postgres} provides.
 */
final class PostgresCluster implements AutoCloseable {

    static final String NAME_PREFIX = "newspipe-chaos-";
    static final String DATABASE = "news";
    static final String USER = "news";
    static final String PASSWORD = "news";

    final String version;
    final String name;
    final int port;

    private PostgresCluster(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Drops clusters an interrupted earlier run left, creates and starts a new one, with the pipeline's role and database. */
    static PostgresCluster create(int port) throws IOException, InterruptedException {
        if (!Files.isDirectory(Path.of("/etc/postgresql-common")) || !"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the database outage fault needs a PostgreSQL cluster of its own: run as root on "
                    + "Debian with the postgresql package (deploy/local/ensure-postgres installs it)");
        }
        String version = installedVersion();
        for (String stale : clusters(version)) {
            if (stale.startsWith(NAME_PREFIX) && !runningSuite(stale.substring(NAME_PREFIX.length()))) {
                run(List.of("pg_dropcluster", "--stop", version, stale));
            }
        }
        String name = NAME_PREFIX + ProcessHandle.current().pid();
        run(List.of("pg_createcluster", version, name, "-p", String.valueOf(port), "--start",
                "--", "--auth-local=trust", "--auth-host=trust"));
        PostgresCluster cluster = new PostgresCluster(version, name, port);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (SQLException e) {
            cluster.close();
            throw new IllegalStateException("cannot prepare the suite's database: " + e.getMessage(), e);
        }
        return cluster;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(DATABASE), USER, PASSWORD);
    }

    /** A fast shutdown, as an operator's restart or a failover does it: sessions are cut, nothing committed is lost. */
    void stop() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", version, name, "stop", "-m", "fast"));
    }

    void start() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", version, name, "start"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("pg_dropcluster", "--stop", version, name));
    }

    /** Whether the suite that named a cluster after its process id still runs. */
    private static boolean runningSuite(String pid) {
        return pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String installedVersion() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+"))
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
        }
    }

    private static List<String> clusters(String version) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String line : run(List.of("pg_lsclusters", "-h")).split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 1 && fields[0].equals(version)) {
                names.add(fields[1]);
            }
        }
        return names;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
