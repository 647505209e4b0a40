package dev.newspipe.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.newspipe.eval.GoldDocument.GoldEntity;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.MediaTopics;
import dev.newspipe.testsupport.SharedData;

/**
 * Every gold file is well-formed, and every mention string is in its document (for shared texts, when
 * ../shared is present).
 */
class GoldFilesTest {

    @Test
    void everyGoldFileOfASharedTextParsesAndIsWellFormed() {
        List<GoldDocument> golds = GoldFiles.load(GoldFiles.SHARED_TEXTS);
        assertTrue(golds.size() >= 20, "gold files found: " + golds.size());
        Set<String> documents = new HashSet<>();
        for (GoldDocument gold : golds) {
            String where = gold.file();
            assertNotNull(gold.source(), where + ": source");
            assertFalse(gold.written(), where + ": a gold file of a shared text holds no body");
            assertTrue(documents.add(gold.source() + "#" + gold.story() + "#" + gold.row()),
                    where + ": another gold file annotates the same document");
            assertWellFormed(gold);
        }
    }

    @Test
    void everyWrittenArticleParsesAndIsWellFormed() {
        List<GoldDocument> tuned = GoldFiles.load(GoldFiles.WRITTEN_ARTICLES);
        List<GoldDocument> heldOut = GoldFiles.load(GoldFiles.WRITTEN_HELD_OUT);
        assertTrue(tuned.size() >= 40 && heldOut.size() >= 40, "written articles found: " + tuned.size() + " and "
                + heldOut.size());
        List<GoldDocument> golds = new ArrayList<>(tuned);
        golds.addAll(heldOut);
        Set<String> headlines = new HashSet<>();
        for (GoldDocument gold : golds) {
            String where = gold.file();
            assertNull(gold.source(), where + ": a written article has no source");
            assertTrue(gold.written() && !gold.body().isBlank(), where + ": body");
            assertTrue(gold.headline() != null && headlines.add(gold.headline()), where + ": headline missing or repeated");
            assertWellFormed(gold);
        }
    }

    private static void assertWellFormed(GoldDocument gold) {
        String where = gold.file();
        assertFalse(gold.topics().isEmpty(), where + ": topics");
        for (String topic : gold.topics()) {
            assertTrue(MediaTopics.exists(topic), where + ": unknown topic " + topic);
        }
        assertFalse(gold.entities().isEmpty(), where + ": entities");
        for (GoldEntity entity : gold.entities()) {
            assertNotNull(entity.type(), where + ": entity type");
            assertTrue(entity.name() != null && !entity.name().isBlank(), where + ": entity name");
            assertTrue(entity.id() == null || EntityIds.isQid(entity.id()), where + ": id " + entity.id());
            assertFalse(entity.mentions().isEmpty(), where + ": no mentions of " + entity.name());
            entity.mentions().forEach(m -> assertFalse(m.isBlank(), where + ": blank mention of " + entity.name()));
        }
    }

    @Test
    void everyGoldMentionOccursInItsSharedTextsNormalizedBody() {
        Optional<Path> shared = SharedData.find("samples").map(Path::getParent);
        Assumptions.assumeTrue(shared.isPresent(), "../shared is absent (NEWS_SHARED_DIR points elsewhere)");
        SourceDocuments sources = new SourceDocuments(shared.get());
        List<String> problems = new ArrayList<>();
        for (GoldDocument gold : GoldFiles.load(GoldFiles.SHARED_TEXTS)) {
            problems.addAll(mentionProblems(gold, sources.load(gold.source(), gold.story(), gold.row()).body()));
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void everyGoldMentionOccursInItsWrittenArticlesNormalizedBody() {
        List<String> problems = new ArrayList<>();
        List<GoldDocument> golds = new ArrayList<>(GoldFiles.load(GoldFiles.WRITTEN_ARTICLES));
        golds.addAll(GoldFiles.load(GoldFiles.WRITTEN_HELD_OUT));
        for (GoldDocument gold : golds) {
            ArticleIngested article = SourceDocuments.ingestEnglish(gold.headline(), gold.body(), "written");
            problems.addAll(mentionProblems(gold, article.body()));
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static List<String> mentionProblems(GoldDocument gold, String body) {
        List<String> problems = new ArrayList<>();
        List<GoldMentions.Resolved> resolved = GoldMentions.resolve(body, gold.entities());
        for (int e = 0; e < gold.entities().size(); e++) {
            GoldEntity entity = gold.entities().get(e);
            for (String mention : entity.mentions()) {
                if (GoldMentions.occurrences(body, mention).isEmpty()) {
                    problems.add(gold.file() + ": \"" + mention + "\" (" + entity.name() + ") is not in the body");
                } else {
                    int index = e;
                    // A string that only ever sits inside a longer mention never becomes a span.
                    if (resolved.stream().noneMatch(r -> r.entity() == index && r.text().equals(mention))) {
                        problems.add(gold.file() + ": \"" + mention + "\" is always inside a longer mention");
                    }
                }
            }
        }
        return problems;
    }
}
