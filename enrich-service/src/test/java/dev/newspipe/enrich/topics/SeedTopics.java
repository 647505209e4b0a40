package dev.newspipe.enrich.topics;

import dev.newspipe.enrich.text.SeedArticles;
import dev.newspipe.enrich.text.SeedArticles.Seed;

/** Prints the topics of the seed stories (needs NEWS_SHARED_DIR or ../shared). */
public final class SeedTopics {

    public static void main(String[] args) {
        TopicClassifier classifier = new TopicClassifier();
        Seed[] page004 = SeedArticles.split(SeedArticles.load("004").orElseThrow(), SeedArticles.SECOND_STORY_OF_004);
        Seed[] seeds = {SeedArticles.load("000").orElseThrow(), SeedArticles.load("001").orElseThrow(), page004[0], page004[1]};
        for (Seed seed : seeds) {
            System.out.println("== " + seed.headline());
            classifier.classify(seed.headline(), seed.body(), "en").forEach(t -> System.out.println("  " + t));
        }
    }

    private SeedTopics() {
    }
}
