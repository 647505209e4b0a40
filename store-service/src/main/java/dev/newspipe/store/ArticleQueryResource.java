package dev.newspipe.store;

import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.common.annotation.Blocking;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleQueryResource {

    @Inject
    ArticleRepository repository;

    @GET
    @Path("/{id}")
    @Blocking
    @Operation(summary = "The stored article with all of its enrichment")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article has this id (application/problem+json)")
    public Response article(@PathParam("id") String id) throws SQLException {
        return repository.find(id)
                .map(row -> Response.ok(StoredArticle.from(row)).build())
                .orElseGet(() -> Problems.notFound("no article has id " + id));
    }
}
