package dev.newspipe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.SharedData;

/** Cutting CoNLL-2003 into its articles, and our topic labels for them. */
class ConllArticlesTest {

    /** Three invented articles in the corpus's layout; the second has a byline between headline and dateline. */
    private static final String CORPUS = String.join("\n",
            "Stray O O O", "line O O O", "", // before any dateline: no article
            "Harbour O O O", "reopens O O O", ". . O O", "",
            "PORTSMOUTH NNP B-NP B-LOC", "2026-03-02 CD I-NP O", "",
            "The O O O", "harbour O O O", "reopened O O O", ". . O O", "",
            "Council O O O", "approves O O O", "budget O O O", ". . O O", "",
            "Ann NNP B-NP B-PER", "Writer NNP I-NP I-PER", "",
            "LEEDS NNP B-NP B-LOC", "2026-03-03 CD I-NP O", "",
            "The O O O", "council O O O", "voted O O O", ". . O O", "",
            "Scores O O O", ". . O O", "",
            "LONDON NNP B-NP B-LOC", "2026-03-04 CD I-NP O", "",
            "Leeds O O O", "3-1 O O O", "Hull O O O", "");

    @Test
    void articlesStartAtTheirDatelinesWithTheHeadlineBeforeAndAnyBylineLeftOut() {
        List<Conll.Article> articles = Conll.articles(Conll.sentences(CORPUS));
        assertEquals(3, articles.size(), articles.toString());
        assertEquals(new Conll.Article(0, "Harbour reopens .", "PORTSMOUTH 2026-03-02\n\nThe harbour reopened ."),
                articles.get(0));
        assertEquals(new Conll.Article(1, "Council approves budget .", "LEEDS 2026-03-03\n\nThe council voted ."),
                articles.get(1));
        assertEquals(new Conll.Article(2, "Scores .", "LONDON 2026-03-04\n\nLeeds 3-1 Hull"), articles.get(2));
    }

    @Test
    void theLabelsParseWithTopLevelCodesOnly() {
        Map<Integer, TopicGold.Label> labels = TopicGold.load(TopicGold.CONLL_ARTICLES);
        assertTrue(labels.size() >= 200, "labels: " + labels.size());
        labels.values().forEach(label -> assertFalse(label.accepted().isEmpty(), label.toString()));
    }

    @Test
    void aMalformedLabelFileFailsNamingTheRow() {
        IllegalStateException levelTwo = assertThrows(IllegalStateException.class,
                () -> TopicGold.load("/gold-topics-bad/level-two.tsv"));
        assertTrue(levelTwo.getMessage().contains("medtop:20000638 is not a top-level"), levelTwo.getMessage());
        IllegalStateException noChecksum = assertThrows(IllegalStateException.class,
                () -> TopicGold.load("/gold-topics-bad/no-checksum.tsv"));
        assertTrue(noChecksum.getMessage().contains("4 | medtop:15000000"), noChecksum.getMessage());
    }

    @Test
    void everyLabelWasWrittenForTheArticleOfItsNumber() {
        Optional<Path> corpus = SharedData.find("data/eval/conll2003-dev.txt");
        Assumptions.assumeTrue(corpus.isPresent(), "../shared is absent (NEWS_SHARED_DIR points elsewhere)");
        List<Conll.Article> articles = Conll.articles(Conll.sentences(SourceDocuments.read(corpus.get())));
        List<String> problems = new ArrayList<>();
        for (TopicGold.Label label : TopicGold.load(TopicGold.CONLL_ARTICLES).values()) {
            int number = label.number();
            if (number >= articles.size() || !label.matches(number, articles.get(number).headline())) {
                problems.add("article " + number + " is not the one labelled");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
