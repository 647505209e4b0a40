package dev.newspipe.ingest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal as {@code application/problem+json}. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        return ArticleResource.problem(Problem.invalid(e));
    }

    @ServerExceptionMapper
    public Response unsupportedType(NotSupportedException e) {
        return ArticleResource.problem(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "send text/plain, application/json, " + SubmissionReader.NDJSON + " or " + SubmissionReader.NINJS));
    }

    @ServerExceptionMapper
    public Response unavailable(IngestService.UnavailableException e) {
        return Response.fromResponse(ArticleResource.problem(Problem.of(503, "unavailable", "Service unavailable",
                e.getMessage() + "; nothing was kept, retry later"))).header("Retry-After", "5").build();
    }
}
