package dev.newspipe.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.newspipe.security.ApiKeys;

/**
 * With API keys configured ({@code NEWS_API_KEYS}), every write needs one: any method but GET, HEAD and
 * OPTIONS, on any resource. Selecting by method rather than by path means a new write endpoint is
 * protected without being listed here, and reads (feed listings) stay open. /q/* (health, metrics,
 * OpenAPI) never reaches this filter: those are HTTP routes outside the REST layer.
 * <p>
 * Application-scoped so that it is created at the first request: Quarkus REST creates its filters at static
 * init, before the runtime configuration (and so the keys) can be read.
 */
@ApplicationScoped
public class ApiKeyFilter {

    @Inject
    ApiKeys keys;

    @ServerRequestFilter
    public Response requireKeyForWrites(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return null;
        }
        ApiKeys.Verdict verdict = keys.check(request.getHeaderString(ApiKeys.HEADER),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        return verdict == ApiKeys.Verdict.ALLOWED ? null : unauthorized(verdict.refusal());
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(ArticleResource.problem(Problem.of(401, "unauthorized", "Unauthorized", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeys.CHALLENGE).build();
    }
}
