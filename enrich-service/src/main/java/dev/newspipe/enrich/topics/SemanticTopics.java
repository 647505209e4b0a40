package dev.newspipe.enrich.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Level-1 Media Topics by meaning rather than by cue word: headline and lead are embedded by the sentence model
 * and a linear topic model ({@link LinearTopicModel}, trained on news items written for this project) gives each
 * top-level topic a probability. It finds the field of a text whose words the cue file does not know, or knows
 * only as the incidental words of another field ("unveils a faster processor", "the striker was sold", a vaccine
 * story full of prices). English only, as the model is.
 */
public final class SemanticTopics {

    /**
     * Word pieces (with [CLS] and [SEP]) of headline and lead that the sentence model reads: the headline and
     * the lead's first sentence or two. Its cost grows with them, ~0.1 ms each on one core; with 1.3.0's prototype
     * lines AG News gave 79.9% at 24 and 80.3% at 48 and at 64 (docs/benchmarks.md). The topic model is trained
     * on vectors of this length, so changing it means retraining.
     */
    public static final int LEAD_TOKENS = 48;
    /** Evidence, in cue-weight units (a clear cue word in the lead weighs about 2), per e-fold of probability above the floor. */
    static final double WEIGHT = 4;
    /** Topics the model gives less than this get no evidence; one at probability 1 gets WEIGHT * ln(1 / FLOOR), about 18. */
    static final double FLOOR = 0.01;

    private final SentenceEncoder encoder;
    private final LinearTopicModel model;

    /** The shipped sentence model and topic model. */
    public SemanticTopics() {
        this(new SentenceEncoder(LEAD_TOKENS), LinearTopicModel.read(LinearTopicModel.DEFAULT_MODEL));
    }

    public SemanticTopics(SentenceEncoder encoder, LinearTopicModel model) {
        this.encoder = encoder;
        this.model = model;
    }

    /** The text the topic model reads, at training and at run time alike: headline and body, one line apart. */
    public static String modelText(String headline, String body) {
        return headline + "\n" + body;
    }

    /**
     * Evidence for level-1 topics from the meaning of a text: {@link #WEIGHT} times the log of each topic's
     * probability over {@link #FLOOR}, for the topics above it. Added to the cue words' evidence, this
     * multiplies the topics' odds by the model's probabilities, so a confident model overrules a thin lead of
     * common words and a hesitant one leaves the choice to the words.
     */
    public Map<String, Double> evidence(String headline, String body) {
        double[] probabilities = model.probabilities(encoder.encode(modelText(headline, body)));
        List<String> codes = model.codes();
        Map<String, Double> evidence = new HashMap<>();
        for (int k = 0; k < probabilities.length; k++) {
            if (probabilities[k] > FLOOR) {
                evidence.put(codes.get(k), WEIGHT * Math.log(probabilities[k] / FLOOR));
            }
        }
        return evidence;
    }
}
