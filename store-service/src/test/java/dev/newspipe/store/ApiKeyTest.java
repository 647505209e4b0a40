package dev.newspipe.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** With two API keys configured: every read API needs one of them, in either header; /status and /q/* stay open. */
@QuarkusTest
@TestProfile(ApiKeyTest.TwoKeys.class)
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ApiKeyTest {

    static final String KEY_ONE = "store-test-key-one";
    static final String KEY_TWO = "store-test-key-two";
    /** One request of each protected resource; none of them matches anything stored. */
    static final List<String> PROTECTED = List.of("/articles?source=api-key-test", "/articles/no-such-article",
            "/articles/no-such-article/ninjs", "/articles/no-such-article/related", "/entities", "/entities/trending",
            "/entities/no-such-entity", "/topics", "/stream");

    public static class TwoKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.api.keys", KEY_ONE + "," + KEY_TWO);
        }
    }

    static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(Problems.PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer realm=\"newspipe\"")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void everyReadWithoutAKeyIsRefused() {
        for (String path : PROTECTED) {
            assertUnauthorized(given().get(path).then());
        }
    }

    @Test
    void aWrongKeyIsRefusedInEitherHeader() {
        for (String path : PROTECTED) {
            assertUnauthorized(given().header("X-API-Key", "not-a-key").get(path).then());
            assertUnauthorized(given().header("Authorization", "Bearer not-a-key").get(path).then());
        }
        assertUnauthorized(given().header("X-API-Key", KEY_ONE + "x").get("/topics").then());
    }

    @Test
    void eitherKeyIsAcceptedInEitherHeader() {
        for (String key : List.of(KEY_ONE, KEY_TWO)) {
            given().header("X-API-Key", key).get("/articles?source=api-key-test").then().statusCode(200)
                    .body("items.size()", equalTo(0));
            given().header("Authorization", "Bearer " + key).get("/articles?source=api-key-test").then().statusCode(200);
            given().header("X-API-Key", key).get("/articles/no-such-article").then().statusCode(404);
            given().header("Authorization", "Bearer " + key).get("/topics").then().statusCode(200);
            // A bad Last-Event-ID ends the stream after one error event, so the request returns.
            given().header("X-API-Key", key).header("Last-Event-ID", "not-an-id").get("/stream").then().statusCode(200)
                    .body(containsString("not-an-id"));
        }
    }

    @Test
    void operationsPagesStayOpen() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/status.json").then().statusCode(200));
        given().get("/status").then().statusCode(200).contentType(containsString("text/html"));
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
