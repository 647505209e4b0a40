package dev.newspipe.enrich.topics;

/**
 * Prints the topics of one text and the cues behind them, to see why a text lands where it does.
 * Arguments: headline, body, optional language code (default en).
 */
public final class TopicExplain {

    public static void main(String[] args) {
        TopicClassifier classifier = new TopicClassifier();
        String language = args.length > 2 ? args[2] : "en";
        classifier.classify(args[0], args[1], language).forEach(System.out::println);
        classifier.explain(args[0], args[1], language).forEach(System.out::println);
    }

    private TopicExplain() {
    }
}
