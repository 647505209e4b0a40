package dev.newspipe.ingest;

/** A submission that cannot become an article; names the offending field. */
public class InvalidArticleException extends RuntimeException {

    private final String field;

    public InvalidArticleException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
