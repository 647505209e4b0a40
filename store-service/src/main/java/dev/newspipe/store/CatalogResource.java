package dev.newspipe.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

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

/** What the store knows about: entities with article counts, and topics counted along the hierarchy. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CatalogResource {

    @Inject
    Catalog catalog;

    @GET
    @Path("entities")
    @Operation(summary = "Entities by number of articles; q matches names (prefix, any case), type filters")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem document")
    public Response entities(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("limit") String limit)
            throws SQLException {
        ArticleQuery parsed;
        try {
            parsed = ArticleQuery.parse(null, null, type, null, null, null, null, null, limit, null);
        } catch (ArticleQuery.BadParameterException e) {
            return Problems.badParameter(e.parameter(), e.getMessage());
        }
        return Response.ok(catalog.entities(q == null || q.isBlank() ? null : q.strip(), parsed.type(), parsed.limit())).build();
    }

    @GET
    @Path("entities/trending")
    @Operation(summary = "Entities whose mention rate rose most",
            description = "Compares [from, to) with the window of the same length before it, by article time. "
                    + "Defaults: to = now, from = 24 hours before to. rate = share of the window's articles that "
                    + "mention the entity; rise = rate - previousRate; only rising entities are listed.")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem document")
    public Response trending(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("type") String type, @QueryParam("limit") String limit) throws SQLException {
        ArticleQuery parsed;
        try {
            parsed = ArticleQuery.parse(null, null, type, null, null, null, from, to, limit, null);
        } catch (ArticleQuery.BadParameterException e) {
            return Problems.badParameter(e.parameter(), e.getMessage());
        }
        Instant end = parsed.to() != null ? parsed.to() : Instant.now();
        Instant start = parsed.from() != null ? parsed.from() : end.minus(Duration.ofHours(24));
        if (!start.isBefore(end)) {
            return Problems.badParameter("from", "from: must be before 'to'");
        }
        return Response.ok(catalog.trending(start, end, parsed.type(), parsed.limit())).build();
    }

    @GET
    @Path("entities/{id}")
    @Operation(summary = "One entity: names and types it was seen with, article count, first and last seen")
    @APIResponse(responseCode = "404", description = "No article mentions this entity")
    public Response entity(@PathParam("id") String id) throws SQLException {
        return catalog.entity(id).map(e -> Response.ok(e).build())
                .orElseGet(() -> Problems.notFound("no stored article mentions entity " + id));
    }

    @GET
    @Path("topics")
    @Operation(summary = "Article counts per IPTC Media Topic along the hierarchy (a topic counts its narrower topics' articles)")
    public Response topics() throws SQLException {
        return Response.ok(catalog.topics()).build();
    }
}
