package dev.newspipe.ingest;

import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.ingest.IngestService.Result;
import dev.newspipe.ingest.IngestService.Submission;
import io.smallrye.common.annotation.Blocking;

/**
 * HTTP intake. Answers 202 only once every accepted article is durably in Kafka; 200 when nothing
 * new was accepted (duplicates); a problem document when the submission is refused.
 */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String INTAKE_PATH = "http";

    /** The answer to a batch: one result per item, in order, and the counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResult(List<Result> items, long accepted, long duplicates, long rejected) {
    }

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig config;

    @Inject
    RequestMemoryBudget memory;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Blocking
    @Operation(summary = "Submit a scraped page",
            description = "The first non-empty line is the headline, the rest the body. Debris such as 'Read more:' lines, "
                    + "'Follow', 'Short Url' and photo credits is removed; a page with several stories becomes several articles.")
    @APIResponse(responseCode = "202", description = "Accepted and durably queued")
    @APIResponse(responseCode = "200", description = "Nothing new: every story was a duplicate")
    @APIResponse(responseCode = "400", description = "Refused (application/problem+json names the field)")
    @APIResponse(responseCode = "413", description = "Larger than the per-request or per-article limit")
    @APIResponse(responseCode = "503", description = "Busy or a dependency is down: nothing was kept, retry after Retry-After seconds")
    public Response submitText(byte[] body) {
        return handle(body, SubmissionReader::plainText, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Submit one article (a JSON object) or a batch (a JSON array)",
            description = "An IPTC ninjs item is recognised by its fields and accepted too.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleSubmitted.class)))
    @APIResponse(responseCode = "202", description = "Accepted and durably queued",
            content = @Content(schema = @Schema(implementation = Result.class)))
    @APIResponse(responseCode = "200", description = "Nothing new: duplicates only")
    @APIResponse(responseCode = "400", description = "Refused (application/problem+json names the field)")
    @APIResponse(responseCode = "413", description = "Larger than the per-request or per-article limit")
    @APIResponse(responseCode = "503", description = "Kafka or the database is unavailable; nothing was kept, retry later")
    public Response submitJson(byte[] body) {
        return handle(body, SubmissionReader::json, false);
    }

    @POST
    @Consumes(SubmissionReader.NDJSON)
    @Blocking
    @Operation(summary = "Submit a batch as newline-delimited JSON articles, with a result per line")
    @APIResponse(responseCode = "202", description = "At least one article accepted; results per item",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    public Response submitNdjson(byte[] body) {
        return handle(body, SubmissionReader::ndjson, true);
    }

    @POST
    @Consumes(SubmissionReader.NINJS)
    @Blocking
    @Operation(summary = "Submit an IPTC ninjs news item (or an array of them)")
    @APIResponse(responseCode = "202", description = "Accepted and durably queued")
    public Response submitNinjs(byte[] body) {
        return handle(body, SubmissionReader::ninjs, false);
    }

    private Response handle(byte[] body, Function<byte[], List<Submission>> reader, boolean alwaysBatch) {
        if (body.length > config.maxRequestBytes()) {
            return problem(Problem.of(413, "too-large", "Too large",
                    "the request has " + body.length + " bytes, more than the limit of " + config.maxRequestBytes()));
        }
        if (!memory.tryReserve(body.length)) {
            return Response.fromResponse(problem(Problem.of(503, "busy", "Busy",
                    "other requests are being ingested; nothing of this one was kept, retry shortly")))
                    .header("Retry-After", "1").build();
        }
        try {
            return ingest(body, reader, alwaysBatch);
        } finally {
            memory.release(body.length);
        }
    }

    private Response ingest(byte[] body, Function<byte[], List<Submission>> reader, boolean alwaysBatch) {
        List<Submission> submissions;
        try {
            submissions = reader.apply(body);
        } catch (InvalidArticleException e) {
            return problem(Problem.invalid(e));
        }
        List<Result> results = ingest.submit(submissions, INTAKE_PATH);
        if (results.size() == 1 && !alwaysBatch) {
            Result only = results.get(0);
            if (only.isRejected()) {
                return problem(only.problem());
            }
            return Response.status("accepted".equals(only.status()) ? 202 : 200).entity(only).build();
        }
        long accepted = results.stream().filter(r -> "accepted".equals(r.status())).count();
        long duplicates = results.stream().filter(r -> "duplicate".equals(r.status())).count();
        long rejected = results.size() - accepted - duplicates;
        int status = accepted > 0 ? 202 : rejected == results.size() ? 400 : 200;
        return Response.status(status).entity(new BatchResult(results, accepted, duplicates, rejected)).build();
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
