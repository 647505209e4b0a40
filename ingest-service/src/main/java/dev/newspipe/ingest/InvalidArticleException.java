package dev.newspipe.ingest;

/** A submission, or one item of it, that cannot become an article; names the field and the reason. */
public class InvalidArticleException extends RuntimeException {

    private final String field;
    private final int status;

    public InvalidArticleException(String field, String reason) {
        this(field, reason, 400);
    }

    public InvalidArticleException(String field, String reason, int status) {
        super(field + ": " + reason);
        this.field = field;
        this.status = status;
    }

    public static InvalidArticleException tooLarge(String field, String reason) {
        return new InvalidArticleException(field, reason, 413);
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }

    String kind() {
        return status == 413 ? "too-large" : "invalid-article";
    }

    String title() {
        return status == 413 ? "Too large" : "Invalid article";
    }
}
