package dev.newspipe.ingest.feeds;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.newspipe.ingest.ArticleIdentity;
import dev.newspipe.ingest.InvalidArticleException;
import dev.newspipe.ingest.Problem;
import io.smallrye.common.annotation.Blocking;

/** RSS 2.0 and Atom subscriptions. */
@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class FeedResource {

    /** A subscription request. */
    public record Subscribe(String url, Integer intervalSeconds) {
    }

    @Inject
    FeedRepository repository;

    @Inject
    FeedsConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to an RSS or Atom feed", description = "The URL must resolve to a public address.")
    @APIResponse(responseCode = "201", description = "Subscribed")
    @APIResponse(responseCode = "200", description = "Already subscribed; the existing subscription")
    @APIResponse(responseCode = "400", description = "Bad URL or interval (application/problem+json)")
    public Response subscribe(Subscribe request) throws SQLException {
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw new InvalidArticleException("url", "is missing");
        }
        int interval = request.intervalSeconds() == null ? 900 : request.intervalSeconds();
        if (interval < config.minIntervalSeconds() || interval > 86_400) {
            throw new InvalidArticleException("intervalSeconds",
                    "must be between " + config.minIntervalSeconds() + " and 86400, got " + interval);
        }
        URI url = FeedPoller.guard(config).check(request.url());
        String canonical = url.toString();
        var saved = repository.subscribe(ArticleIdentity.hash("feed:" + canonical), canonical, interval);
        return Response.status(saved.created() ? 201 : 200)
                .location(URI.create("/feeds/" + saved.subscription().id()))
                .entity(saved.subscription()).build();
    }

    @GET
    @Operation(summary = "Every subscription with its polling status and last error")
    public List<FeedSubscription> list() throws SQLException {
        return repository.all();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) throws SQLException {
        return repository.find(id).map(f -> Response.ok(f).build()).orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Response delete(@PathParam("id") String id) throws SQLException {
        return repository.delete(id) ? Response.noContent().build() : notFound(id);
    }

    private static Response notFound(String id) {
        Problem problem = new Problem("about:blank", "Not found", 404, "no feed subscription has id " + id, null);
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
