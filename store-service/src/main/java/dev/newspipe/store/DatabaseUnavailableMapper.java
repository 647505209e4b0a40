package dev.newspipe.store;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.newspipe.messaging.DatabaseErrors;

/** While the database is away, queries answer 503 with Retry-After instead of a bare 500. */
public class DatabaseUnavailableMapper {

    @ServerExceptionMapper
    public Response databaseFailure(SQLException e) {
        if (DatabaseErrors.isTransient(e)) {
            return Response.fromResponse(Problems.problem(503, "Service unavailable",
                    "the database is unavailable; retry later")).header("Retry-After", "5").build();
        }
        return Problems.problem(500, "Internal error", "the query failed");
    }
}
