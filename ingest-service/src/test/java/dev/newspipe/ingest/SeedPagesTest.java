package dev.newspipe.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.EventJson;
import dev.newspipe.events.Topics;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.KafkaTestClient;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SharedData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The three real seed pages (read from ../shared at run time) give four clean articles on news.ingested. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SeedPagesTest {

    final KafkaTestClient kafka = new KafkaTestClient(KafkaBrokerTestResource.bootstrapServers());

    List<ArticleIngested> post(Path seeds, String file) throws Exception {
        var response = given().contentType("text/plain; charset=UTF-8").body(Files.readAllBytes(seeds.resolve(file)))
                .post("/articles").then().statusCode(202).extract();
        List<String> ids = new ArrayList<>();
        if (response.path("items") != null) {
            ids.addAll(response.jsonPath().getList("items.id", String.class));
        } else {
            ids.add(response.path("id"));
        }
        List<ArticleIngested> articles = new ArrayList<>();
        for (String id : ids) {
            var records = kafka.awaitKey(Topics.INGESTED, id, Duration.ofSeconds(30));
            assertEquals(1, records.size(), id);
            articles.add(EventJson.fromBytes(records.get(0).value(), ArticleIngested.class));
        }
        return articles;
    }

    static void assertClean(ArticleIngested article) {
        for (String debris : List.of("Read more:", "Similar News", "Short Url", "\nFollow\n", "Updated ", "Update: ", "(AP)", "•")) {
            assertFalse(article.body().contains(debris), "'" + debris + "' left in: " + article.headline());
        }
        assertFalse(article.body().startsWith(article.headline()), "headline repeated in the body: " + article.headline());
    }

    @Test
    void threeSeedPagesGiveFourCleanArticles() throws Exception {
        Path seeds = SharedData.find("samples/seeds").orElse(null);
        assumeTrue(seeds != null, "../shared/samples/seeds is not present");

        List<ArticleIngested> first = post(seeds, "000_2cd4446a17d5b787.txt");
        List<ArticleIngested> second = post(seeds, "001_27e5698ddb6edb56.txt");
        List<ArticleIngested> third = post(seeds, "004_b1ea71941a29e430.txt");
        assertEquals(List.of(1, 1, 2), List.of(first.size(), second.size(), third.size()));

        assertEquals("US threatens action against alleged Iranian drones Russia used in Kiev", first.get(0).headline());
        assertNull(first.get(0).publishedAt());
        assertEquals("US Ramps Up Pressure on Iran to Halt Sale of Deadly Drones to Russia Amidst Conflict in Ukraine",
                second.get(0).headline());
        assertEquals(Instant.parse("2023-08-17T05:09:00Z"), second.get(0).publishedAt());
        assertEquals("Russia's use of Iranian drones in Ukraine 'appalling': Blinken", third.get(0).headline());
        assertEquals(Instant.parse("2022-10-27T00:00:00Z"), third.get(0).publishedAt());
        assertEquals("Over 1,400 Indonesians left Cambodian scam groups in five days: embassy", third.get(1).headline());
        for (List<ArticleIngested> page : List.of(first, second, third)) {
            page.forEach(SeedPagesTest::assertClean);
        }
        assertFalse(third.get(0).body().contains("Indonesians"), "the second story is not part of the first");
        assertEquals(true, third.get(1).body().startsWith("PHNOM PENH:"));
    }
}
