package dev.newspipe.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import dev.newspipe.security.ApiKeys;
import dev.newspipe.store.status.StatusResource;

/**
 * With API keys configured ({@code NEWS_API_KEYS}), every endpoint needs one except the ops pages /status
 * and /status.json. The filter runs after matching and exempts by the matched resource class, not by a
 * path prefix, so that no spelling of a path (/status/../articles) can reach a protected endpoint through
 * the exemption, and a new endpoint elsewhere is protected without being listed here. /q/* (health,
 * metrics, OpenAPI) never reaches this filter: those are HTTP routes outside the REST layer.
 * <p>
 * Application-scoped so that it is created at the first request: Quarkus REST creates its filters at static
 * init, before the runtime configuration (and so the keys) can be read.
 */
@ApplicationScoped
public class ApiKeyFilter {

    @Inject
    ApiKeys keys;

    @ServerRequestFilter
    public Response requireKey(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() == StatusResource.class) {
            return null;
        }
        ApiKeys.Verdict verdict = keys.check(request.getHeaderString(ApiKeys.HEADER),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        return verdict == ApiKeys.Verdict.ALLOWED ? null : unauthorized(verdict.refusal());
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.problem(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeys.CHALLENGE).build();
    }
}
