package dev.newspipe.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.newspipe.events.ArticleSubmitted;

/** HTTP intake. Answers 202 only after the ingested event is durably in Kafka. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String INTAKE_PATH = "http";

    @Inject
    IngestService ingest;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Submit a scraped page: the first non-empty line is the headline, the rest the body")
    @APIResponse(responseCode = "202", description = "Accepted and durably queued")
    @APIResponse(responseCode = "400", description = "Invalid article (application/problem+json)")
    public CompletionStage<Response> submitText(String text) {
        return submit(PlainTextArticle.parse(text));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one article as JSON")
    @APIResponse(responseCode = "202", description = "Accepted and durably queued")
    @APIResponse(responseCode = "400", description = "Invalid article (application/problem+json)")
    public CompletionStage<Response> submitJson(ArticleSubmitted article) {
        return submit(article);
    }

    private CompletionStage<Response> submit(ArticleSubmitted article) {
        return ingest.submit(article, INTAKE_PATH)
                .thenApply(result -> Response.accepted(result).build());
    }
}
