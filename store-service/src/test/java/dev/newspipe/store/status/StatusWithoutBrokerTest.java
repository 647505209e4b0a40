package dev.newspipe.store.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newspipe.localkafka.LocalKafkaBroker;
import dev.newspipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With no broker at the configured address, the status answers at once and says so; the database's figures still come. */
@QuarkusTest
@TestProfile(StatusWithoutBrokerTest.NoBroker.class)
@WithTestResource(PostgresTestResource.class)
class StatusWithoutBrokerTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A free port: nothing listens there. Every client would log each refused connection.
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + LocalKafkaBroker.freePort(),
                    "news.status.kafka-timeout", "5s",
                    "quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level", "ERROR");
        }
    }

    @Test
    void statusJsonSaysTheBrokerIsUnreachableAndStillGivesTheDatabaseFigures() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/status.json").then()
                .statusCode(200)
                .body("sampledAt", notNullValue())
                .body("kafka.reachable", equalTo(false))
                .body("kafka.error", containsString("Kafka broker unreachable: no answer from 127.0.0.1:"))
                .body("kafka.lastReachableAt", equalTo(null))
                .body("lag.size()", equalTo(0))
                .body("stored.available", equalTo(true))
                .body("throughput.find { it.stage == 'store' }.produced.count", equalTo(0)));
        // Each sample waits the Kafka timeout (5 s); requests never do.
        for (int i = 0; i < 5; i++) {
            given().get("/status.json").then().time(lessThan(2000L)).statusCode(200);
        }
        given().get("/status").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("fetch(\"status.json\""));
    }
}
