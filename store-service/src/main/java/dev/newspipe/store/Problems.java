package dev.newspipe.store;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem responses. */
final class Problems {

    static final String PROBLEM_JSON = "application/problem+json";

    static Response notFound(String detail) {
        return problem(404, "Not found", detail);
    }

    static Response badParameter(String parameter, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Bad parameter");
        body.put("status", 400);
        body.put("detail", detail);
        body.put("parameter", parameter);
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }

    static Response problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    private Problems() {
    }
}
