package dev.newspipe.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application under test its own empty database on the real PostgreSQL server and drops
 * it when the application stops.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public Map<String, String> start() {
        database = PostgresServer.createThrowawayDatabase();
        PostgresServer.Settings settings = PostgresServer.settings();
        return Map.of(
                "quarkus.datasource.jdbc.url", settings.jdbcUrl(database),
                "quarkus.datasource.username", settings.user(),
                "quarkus.datasource.password", settings.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            PostgresServer.dropDatabase(database);
        }
    }
}
