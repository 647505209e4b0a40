package dev.newspipe.ingest;

import dev.newspipe.events.ArticleSubmitted;

/** The plain-text shape of a scraped page: the first non-empty line is the headline, the rest the body. */
public final class PlainTextArticle {

    public static ArticleSubmitted parse(String text) {
        String normalized = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        while (start < normalized.length()) {
            int end = normalized.indexOf('\n', start);
            if (end < 0) {
                end = normalized.length();
            }
            String line = normalized.substring(start, end);
            if (!line.isBlank()) {
                String body = end < normalized.length() ? normalized.substring(end + 1) : "";
                return new ArticleSubmitted(null, line, body, null, null, null, null, null);
            }
            start = end + 1;
        }
        return new ArticleSubmitted(null, null, null, null, null, null, null, null);
    }

    private PlainTextArticle() {
    }
}
