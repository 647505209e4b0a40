package dev.newspipe.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** With two API keys configured: writes need one of them, in either header; reads and /q/* stay open. */
@QuarkusTest
@TestProfile(ApiKeyTest.TwoKeys.class)
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ApiKeyTest {

    static final String KEY_ONE = "ingest-test-key-one";
    static final String KEY_TWO = "ingest-test-key-two";

    public static class TwoKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.api.keys", KEY_ONE + ", ," + KEY_TWO);
        }
    }

    static String page() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        return "Harbour cranes arrive " + u + "\n\nTwo new cranes arrived at the harbour on Friday, ahead of the season " + u + ".";
    }

    static ValidatableResponse submit(RequestSpecification request) {
        return request.contentType("text/plain").body(page()).post("/articles").then();
    }

    static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"newspipe\"")
                .body("status", equalTo(401))
                .body("type", equalTo("https://newspipe.dev/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void aWriteWithoutAKeyIsRefused() {
        assertUnauthorized(submit(given()));
        assertUnauthorized(given().contentType("application/json").body("{\"url\": \"https://example.org/feed.xml\"}").post("/feeds").then());
        assertUnauthorized(given().delete("/feeds/no-such-feed").then());
    }

    @Test
    void aWrongKeyIsRefusedInEitherHeader() {
        assertUnauthorized(submit(given().header("X-API-Key", "not-a-key")));
        assertUnauthorized(submit(given().header("Authorization", "Bearer not-a-key")));
        assertUnauthorized(submit(given().header("X-API-Key", KEY_ONE.substring(1))));
        assertUnauthorized(submit(given().header("Authorization", "Basic " + KEY_ONE)));
    }

    @Test
    void eitherKeyIsAcceptedInEitherHeader() {
        submit(given().header("X-API-Key", KEY_ONE)).statusCode(202).body("status", equalTo("accepted"));
        submit(given().header("X-API-Key", KEY_TWO)).statusCode(202);
        submit(given().header("Authorization", "Bearer " + KEY_ONE)).statusCode(202);
        submit(given().header("Authorization", "Bearer " + KEY_TWO)).statusCode(202);
        // Past the key, the request is handled as usual.
        given().header("X-API-Key", KEY_TWO).delete("/feeds/no-such-feed").then().statusCode(404);
    }

    @Test
    void readsAndOperationsEndpointsStayOpen() {
        given().get("/feeds").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then().statusCode(200));
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."));
        given().get("/q/metrics").then().statusCode(200);
    }
}
