package dev.newspipe.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem: what was wrong with a request or with one item of a batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://newspipe.dev/problems/";

    static Problem invalid(InvalidArticleException e) {
        return new Problem(BASE + e.kind(), e.title(), e.status(), e.getMessage(), e.field());
    }

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem(BASE + kind, title, status, detail, null);
    }
}
