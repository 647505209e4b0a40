package dev.newspipe.store;

import java.sql.SQLException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

    @Inject
    ArticleSearch search;

    @Inject
    Stories stories;

    @GET
    @Blocking
    @Operation(summary = "Find articles", description = "Filters combine. Results are newest first (publication time,"
            + " else ingest time), then by id; follow nextCursor for the next page. topic includes narrower topics.")
    @APIResponse(responseCode = "200", description = "A page of results")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem document")
    public Response find(@QueryParam("q") String q, @QueryParam("entity") String entity, @QueryParam("type") String type,
            @QueryParam("topic") String topic, @QueryParam("source") String source, @QueryParam("language") String language,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) throws SQLException {
        ArticleQuery query;
        try {
            query = ArticleQuery.parse(q, entity, type, topic, source, language, from, to, limit, cursor);
        } catch (ArticleQuery.BadParameterException e) {
            return Problems.badParameter(e.parameter(), e.getMessage());
        }
        return Response.ok(search.search(query)).build();
    }

    @GET
    @Path("/{id}/ninjs")
    @Produces({"application/ninjs+json", MediaType.APPLICATION_JSON})
    @Blocking
    @Operation(summary = "The stored article as an IPTC ninjs 3.1 news item")
    @APIResponse(responseCode = "200", description = "The ninjs document")
    @APIResponse(responseCode = "404", description = "No article has this id (application/problem+json)")
    public Response ninjs(@PathParam("id") String id) throws SQLException {
        return repository.find(id)
                .map(row -> Response.ok(NinjsExport.of(row.event())).build())
                .orElseGet(() -> Problems.notFound("no article has id " + id));
    }

    @GET
    @Path("/{id}/related")
    @Blocking
    @Operation(summary = "The stored articles most similar to this one: the same story first, then by score",
            description = "score in [0, 1] weighs shared salient entities, shared text (MinHash) and shared top-level"
                    + " topics; sameStory marks articles with the same storyId. limit: 1 to 50, default 10.")
    @APIResponse(responseCode = "200", description = "Related articles")
    @APIResponse(responseCode = "400", description = "A bad limit")
    @APIResponse(responseCode = "404", description = "No article has this id (application/problem+json)")
    public Response related(@PathParam("id") String id, @QueryParam("limit") String limit) throws SQLException {
        int k;
        try {
            k = limit == null ? 10 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 1 || k > Stories.MAX_RELATED) {
            return Problems.badParameter("limit", "limit must be a whole number from 1 to " + Stories.MAX_RELATED);
        }
        return stories.related(id, k).map(r -> Response.ok(r).build())
                .orElseGet(() -> Problems.notFound("no article has id " + id));
    }

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
