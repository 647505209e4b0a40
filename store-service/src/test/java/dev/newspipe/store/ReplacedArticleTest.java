package dev.newspipe.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.testsupport.KafkaBrokerTestResource;
import dev.newspipe.testsupport.PostgresTestResource;
import dev.newspipe.testsupport.SampleEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new revision replaces its article's entity and topic links and story keys; a new article has
 * nothing to replace (the upsert skips the deletes for it), and a stale version changes nothing.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ReplacedArticleTest {

    @Inject
    ArticleRepository repository;

    @Inject
    DataSource dataSource;

    static ArticleEnriched withLinks(ArticleIngested article, String entityId, String entityName, String topic) {
        ArticleEnriched base = SampleEvents.enriched(article, "1.0.0");
        return new ArticleEnriched(article, base.enrichmentVersion(), base.enrichedAt(), base.language(),
                List.of(new Entity(entityId, EntityType.ORGANIZATION, entityName, List.of(new Mention(entityName, 0, 3)), 2, 0.7)),
                List.of(new MediaTopic(topic, "label", 0.8, 1)), base.keywords(), base.summary(), base.quotes(),
                base.signature());
    }

    @Test
    void aNewRevisionReplacesLinksAndStoryKeysAndAStaleOneChangesNothing() throws Exception {
        String id = SampleEvents.newId();
        String other = SampleEvents.newId();
        ArticleIngested r1 = SampleEvents.ingested(id, 1, "Harbour board meets", "The harbour board met on Monday in Lisbon.");
        ArticleIngested r2 = SampleEvents.ingested(id, 2, "Harbour board resigns", "The harbour board resigned on Tuesday.");
        repository.upsertAll(List.of(withLinks(r1, "org:harbour-board", "Harbour Board", "medtop:04000000"),
                withLinks(SampleEvents.ingested(other, 1, "Ferry strike", "The ferry crews went on strike."), "org:ferry-union",
                        "Ferry Union", "medtop:09000000")));
        assertEquals(Set.of("org:harbour-board"), values("SELECT entity_id FROM article_entity WHERE article_id = ?", id));
        assertEquals(Set.of("medtop:04000000"), values("SELECT code FROM article_topic WHERE article_id = ?", id));
        assertStoryKeysMatchFeatures(id);

        assertEquals(Set.of(id), repository.upsertAll(List.of(withLinks(r2, "org:port-authority", "Port Authority",
                "medtop:11000000"))));
        assertEquals(Set.of("org:port-authority"), values("SELECT entity_id FROM article_entity WHERE article_id = ?", id));
        assertEquals(Set.of("medtop:11000000"), values("SELECT code FROM article_topic WHERE article_id = ?", id));
        assertStoryKeysMatchFeatures(id);

        assertEquals(Set.of(), repository.upsertAll(List.of(withLinks(r1, "org:harbour-board", "Harbour Board",
                "medtop:04000000"))), "an older revision is not written");
        assertEquals(Set.of("org:port-authority"), values("SELECT entity_id FROM article_entity WHERE article_id = ?", id));
        assertEquals(Set.of("org:ferry-union"), values("SELECT entity_id FROM article_entity WHERE article_id = ?", other),
                "the other article of the first batch keeps its links");
        assertStoryKeysMatchFeatures(other);
    }

    /** Every story key filed for the article is one of its current keys, each filed once. */
    private void assertStoryKeysMatchFeatures(String id) throws SQLException {
        List<String> filed = List.copyOf(values("SELECT key::text FROM article_story_key WHERE article_id = ?", id));
        Set<String> current = values("SELECT unnest(keys)::text FROM article_story_features WHERE article_id = ?", id);
        assertEquals(current, new TreeSet<>(filed));
        assertEquals(count("SELECT count(*) FROM article_story_key WHERE article_id = ?", id), current.size());
    }

    private Set<String> values(String sql, String id) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private int count(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
