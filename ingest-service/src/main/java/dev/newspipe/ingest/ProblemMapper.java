package dev.newspipe.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rejections as RFC 9457 {@code application/problem+json}, naming the field and the reason. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://newspipe.dev/problems/invalid-article");
        problem.put("title", "Invalid article");
        problem.put("status", 400);
        problem.put("detail", e.getMessage());
        problem.put("field", e.field());
        return Response.status(400).type(PROBLEM_JSON).entity(problem).build();
    }
}
