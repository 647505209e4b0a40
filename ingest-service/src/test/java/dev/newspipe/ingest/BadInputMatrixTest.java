package dev.newspipe.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input over HTTP: each case gets its precise status, problem document and field, and nothing
 * of any case reaches news.ingested.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BadInputMatrixTest {

    static final String MARK = "badinput" + UUID.randomUUID().toString().replace("-", "");
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String BODY = "A perfectly ordinary body that is long enough to pass " + MARK + ".";

    record Case(String name, String contentType, byte[] body, int status, String field, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case json(String name, String json, String field, String detail) {
        return new Case(name, JSON, json.replace("@MARK", MARK).getBytes(StandardCharsets.UTF_8), 400, field, detail);
    }

    static String article(String extraFields) {
        return "{\"headline\": \"Headline @MARK\", \"body\": \"" + BODY + "\"" + extraFields + "}";
    }

    static byte[] withInvalidUtf8(String prefix, String suffix) {
        byte[] a = prefix.replace("@MARK", MARK).getBytes(StandardCharsets.UTF_8);
        byte[] b = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(a, a.length + 2 + b.length);
        out[a.length] = (byte) 0xC3;
        out[a.length + 1] = (byte) 0x28;
        System.arraycopy(b, 0, out, a.length + 2, b.length);
        return out;
    }

    static Stream<Case> cases() {
        String big = "x".repeat(1024 * 1024 + 10);
        List<Case> cases = new ArrayList<>(List.of(
                json("headline missing", "{\"body\": \"" + BODY + "\"}", "headline", "missing or empty"),
                json("headline empty", "{\"headline\": \"\", \"body\": \"" + BODY + "\"}", "headline", "missing or empty"),
                json("headline blank", "{\"headline\": \"  \\t \", \"body\": \"" + BODY + "\"}", "headline", "missing or empty"),
                json("headline not a string", "{\"headline\": 42, \"body\": \"" + BODY + "\"}", "headline", "must be a string"),
                json("body missing", "{\"headline\": \"Headline @MARK\"}", "body", "missing or empty"),
                json("body empty", "{\"headline\": \"Headline @MARK\", \"body\": \"\"}", "body", "missing or empty"),
                json("body below minimum length", "{\"headline\": \"Headline @MARK\", \"body\": \"Too short.\"}", "body", "fewer than the minimum"),
                json("body only markup", "{\"headline\": \"Headline @MARK\", \"body\": \"<p> </p><div></div>\"}", "body", "missing or empty"),
                json("body not a string", "{\"headline\": \"Headline @MARK\", \"body\": {\"text\": \"x\"}}", "body", "must be a string"),
                json("publishedAt not a date", article(", \"publishedAt\": \"yesterday\""), "publishedAt", "not an ISO-8601"),
                json("publishedAt impossible date", article(", \"publishedAt\": \"2024-13-45T00:00:00Z\""), "publishedAt", "not an ISO-8601"),
                json("publishedAt far in the future", article(", \"publishedAt\": \"2099-01-01T00:00:00Z\""), "publishedAt", "future"),
                json("url not a URL", article(", \"url\": \"not a url at all\""), "url", "not a valid URL"),
                json("url with another scheme", article(", \"url\": \"ftp://example.org/a\""), "url", "absolute http or https"),
                json("url javascript", article(", \"url\": \"javascript:alert(1)\""), "url", "absolute http or https"),
                json("authors not an array", article(", \"authors\": \"A. Writer\""), "authors", "array of strings"),
                json("authors not strings", article(", \"authors\": [1, 2]"), "authors", "array of strings"),
                json("language not a code", article(", \"language\": \"english\""), "language", "ISO 639-1"),
                json("JSON cut short", "{\"headline\": \"Headline @MARK\", \"body\": ", "request", "not valid JSON"),
                json("JSON with trailing garbage", article("") + " trailing", "request", "not valid JSON"),
                json("JSON string instead of object", "\"Headline @MARK\"", "request", "must be a JSON object"),
                json("JSON null", "null", "request", "must be a JSON object"),
                json("empty JSON array", "[]", "request", "no articles"),
                json("empty body", "", "request", "empty"),
                new Case("invalid UTF-8 in JSON", JSON, withInvalidUtf8("{\"headline\": \"Bad @MARK ", "\", \"body\": \"" + BODY + "\"}"),
                        400, "request", "not valid UTF-8"),
                new Case("invalid UTF-8 in text", TEXT, withInvalidUtf8("Headline @MARK\n", BODY), 400, "request", "not valid UTF-8"),
                new Case("text empty", TEXT, " \n\n \n".getBytes(StandardCharsets.UTF_8), 400, "headline", "empty"),
                new Case("text headline only", TEXT, ("Only a headline " + MARK + "\n").getBytes(StandardCharsets.UTF_8), 400, "body", "missing or empty"),
                new Case("unknown content type", "application/xml", ("<article>" + MARK + "</article>").getBytes(StandardCharsets.UTF_8),
                        415, null, "text/plain"),
                new Case("article over 1 MiB", JSON, ("{\"headline\": \"Big " + MARK + "\", \"body\": \"" + big + "\"}")
                        .getBytes(StandardCharsets.UTF_8), 413, "body", "more than the limit"),
                new Case("ninjs without headline", "application/ninjs+json",
                        ("{\"uri\": \"urn:test:" + MARK + "\", \"bodies\": [{\"role\": \"text\", \"contentType\": \"text/plain\", \"value\": \""
                                + BODY + "\"}]}").getBytes(StandardCharsets.UTF_8), 400, "headline", "")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAPreciseProblem(Case c) {
        var response = given().contentType(c.contentType()).body(c.body())
                .post("/articles")
                .then().statusCode(c.status())
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(c.status()))
                .body("detail", containsString(c.detail()));
        if (c.field() != null) {
            response.body("field", equalTo(c.field()));
        }
    }

    @ParameterizedTest(name = "request over 8 MiB")
    @MethodSource("oversizedRequest")
    void requestOverTheLimitIs413(byte[] body) {
        given().contentType(SubmissionReader.NDJSON).body(body).post("/articles")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("detail", containsString("more than the limit"));
    }

    static Stream<byte[]> oversizedRequest() {
        String line = "{\"headline\": \"Line " + MARK + "\", \"body\": \"" + "y".repeat(1000) + "\"}\n";
        return Stream.of(line.repeat(8 * 1024 * 1024 / line.length() + 10).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void nothingOfAnyCaseWasPublished() {
        var kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());
        var leaked = kafka.await(Topics.INGESTED, r -> new String(r.value(), StandardCharsets.UTF_8).contains(MARK), 1,
                Duration.ofSeconds(3));
        assertEquals(0, leaked.size(), "records published for refused input");
    }
}
