package dev.newspipe.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.events.EventJson;
import dev.newspipe.ingest.IngestService.Submission;

/**
 * Reads request bodies into submissions, per content type. Problems with the request as a whole throw
 * {@link InvalidArticleException} with field {@code request}; problems with one item of a batch become
 * that item's {@link Submission#parseError()}.
 */
public final class SubmissionReader {

    public static final String NDJSON = "application/x-ndjson";
    public static final String NINJS = "application/ninjs+json";

    /** text/plain: a scraped page, which may hold several stories. */
    public static List<Submission> plainText(byte[] body) {
        String text = utf8(body);
        List<ArticleSubmitted> stories = ScrapedPage.parse(text);
        if (stories.isEmpty()) {
            throw new InvalidArticleException("headline", "the text is empty: the first non-empty line is the headline");
        }
        return stories.stream().map(Submission::of).toList();
    }

    /** application/json: one article (or ninjs item) as an object, or a batch as an array. */
    public static List<Submission> json(byte[] body) {
        JsonNode document = parse(utf8(body), "request");
        if (document.isArray()) {
            List<Submission> items = new ArrayList<>();
            for (JsonNode item : document) {
                items.add(readItem(item, SubmissionReader::article));
            }
            if (items.isEmpty()) {
                throw new InvalidArticleException("request", "the array holds no articles");
            }
            return items;
        }
        return List.of(Submission.of(article(document)));
    }

    /** application/x-ndjson: one JSON article per line; blank lines are skipped. */
    public static List<Submission> ndjson(byte[] body) {
        String text = utf8(body);
        List<Submission> items = new ArrayList<>();
        int lineNumber = 0;
        // Lines end at "\n" or "\r\n". Found with indexOf: a regular-expression split of a 100-article body
        // was a tenth of the service's CPU samples.
        for (int start = 0; start <= text.length(); ) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            String line = text.substring(start, end);
            lineNumber++;
            start = newline < 0 ? text.length() + 1 : newline + 1;
            if (line.isBlank()) {
                continue;
            }
            String where = "line " + lineNumber;
            items.add(readItem(null, ignored -> article(parse(line, where))));
        }
        if (items.isEmpty()) {
            throw new InvalidArticleException("request", "no JSON lines in the body");
        }
        return items;
    }

    /** application/ninjs+json: an IPTC ninjs news item, or an array of them. */
    public static List<Submission> ninjs(byte[] body) {
        JsonNode document = parse(utf8(body), "request");
        if (document.isArray()) {
            List<Submission> items = new ArrayList<>();
            document.forEach(item -> items.add(readItem(item, SubmissionReader::ninjsArticle)));
            return items;
        }
        return List.of(Submission.of(ninjsArticle(document)));
    }

    /** One item of a batch: a problem with it stays with it, the other items go on. */
    private static Submission readItem(JsonNode item, Function<JsonNode, ArticleSubmitted> reader) {
        try {
            return Submission.of(reader.apply(item));
        } catch (InvalidArticleException e) {
            return Submission.unreadable(e);
        }
    }

    private static ArticleSubmitted ninjsArticle(JsonNode item) {
        if (!item.isObject()) {
            throw new InvalidArticleException("request", "a ninjs item must be a JSON object");
        }
        return NinjsArticle.toArticle(item);
    }

    /** An object in our article shape, or a ninjs item recognised by its fields. */
    static ArticleSubmitted article(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidArticleException("request", "an article must be a JSON object, not " + node.getNodeType().name().toLowerCase());
        }
        if (NinjsArticle.looksLikeNinjs(node)) {
            return NinjsArticle.toArticle(node);
        }
        try {
            return EventJson.mapper().treeToValue(node, ArticleSubmitted.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "request" : e.getPath().get(0).getFieldName();
            String expected = "authors".equals(field) ? "an array of strings" : "a string";
            throw new InvalidArticleException(field == null ? "request" : field, "must be " + expected);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException("request", "not an article: " + e.getOriginalMessage());
        }
    }

    private static JsonNode parse(String json, String where) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidArticleException(where, "the body is empty, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new InvalidArticleException(where, "not valid JSON: " + e.getOriginalMessage()
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
    }

    /**
     * Strict UTF-8: a malformed byte sequence is an error, never a replacement character. The bytes are
     * checked through a small reused buffer, then decoded once into the string, so a large request costs
     * its string and not also a full-size intermediate char buffer.
     */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        // End of input is declared, so a sequence cut off at the end is malformed too.
        while ((result = decoder.decode(in, out, true)).isOverflow()) {
            out.clear();
        }
        if (result.isError()) {
            throw new InvalidArticleException("request", "not valid UTF-8: malformed byte sequence at byte offset "
                    + in.position());
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private SubmissionReader() {
    }
}
