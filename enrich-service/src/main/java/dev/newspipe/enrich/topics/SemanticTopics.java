package dev.newspipe.enrich.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newspipe.events.MediaTopics;
import dev.newspipe.events.TsvResource;

/**
 * Level-1 Media Topics by meaning rather than by cue word: an article's lead is embedded and compared with
 * short prototype lines written for each topic ({@code /topics/prototypes.tsv}). It finds the field of a
 * text whose words the cue file does not know ("unveils a faster processor", "the striker was sold"), so the
 * engine asks it where the cue words leave the choice open. English only, as the model is.
 */
public final class SemanticTopics {

    public static final String DEFAULT_PROTOTYPES = "/topics/prototypes.tsv";
    /** Softmax temperature over cosine similarities: the closest topics share the evidence, the far ones get none. */
    static final double TEMPERATURE = 0.03;
    /** Shares below this are dropped, so a far topic never appears from noise. */
    static final double MIN_SHARE = 0.05;

    private final SentenceEncoder encoder;
    private final String[] codes;
    private final int[] topicOfPrototype;
    private final float[][] prototypes;

    public SemanticTopics(SentenceEncoder encoder) {
        this(encoder, DEFAULT_PROTOTYPES);
    }

    public SemanticTopics(SentenceEncoder encoder, String prototypesResource) {
        this.encoder = encoder;
        Map<String, Integer> topicIndex = new LinkedHashMap<>();
        List<Integer> topicOf = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (String[] line : read(prototypesResource)) {
            String code = line[0].strip();
            List<MediaTopics.Topic> chain = MediaTopics.withAncestors(code);
            if (chain.size() != 1 || chain.get(0).level() != 1) {
                throw new IllegalStateException(prototypesResource + ": " + code + " is not a level-1 Media Topic");
            }
            topicOf.add(topicIndex.computeIfAbsent(code, c -> topicIndex.size()));
            vectors.add(encoder.encode(line[1].strip()));
        }
        if (vectors.isEmpty()) {
            throw new IllegalStateException(prototypesResource + " holds no prototype");
        }
        this.codes = topicIndex.keySet().toArray(String[]::new);
        this.topicOfPrototype = topicOf.stream().mapToInt(Integer::intValue).toArray();
        this.prototypes = vectors.toArray(float[][]::new);
    }

    /**
     * Evidence for level-1 topics from the meaning of a text, {@code weight} shared among the closest
     * topics (softmax of each topic's best cosine similarity); topics with a share under 5% are left out.
     */
    public Map<String, Double> evidence(String text, double weight) {
        double[] best = similarities(encoder.encode(text));
        double max = Double.NEGATIVE_INFINITY;
        for (double s : best) {
            max = Math.max(max, s);
        }
        double total = 0;
        double[] shares = new double[best.length];
        for (int t = 0; t < best.length; t++) {
            shares[t] = Math.exp((best[t] - max) / TEMPERATURE);
            total += shares[t];
        }
        Map<String, Double> evidence = new HashMap<>();
        for (int t = 0; t < best.length; t++) {
            double share = shares[t] / total;
            if (share >= MIN_SHARE) {
                evidence.put(codes[t], weight * share);
            }
        }
        return evidence;
    }

    /** Per topic (in {@link #codes()} order), the cosine similarity of its closest prototype to the vector. */
    double[] similarities(float[] vector) {
        double[] best = new double[codes.length];
        Arrays.fill(best, -1);
        for (int p = 0; p < prototypes.length; p++) {
            float[] prototype = prototypes[p];
            double dot = 0;
            for (int d = 0; d < prototype.length; d++) {
                dot += prototype[d] * vector[d];
            }
            int topic = topicOfPrototype[p];
            best[topic] = Math.max(best[topic], dot);
        }
        return best;
    }

    List<String> codes() {
        return List.of(codes);
    }

    /** The prototype lines, each checked to be a code and a text. */
    private static List<String[]> read(String resource) {
        List<String[]> rows = TsvResource.rows(SemanticTopics.class, resource);
        for (String[] row : rows) {
            if (row.length != 2 || row[1].isBlank()) {
                throw new IllegalStateException(resource + ": expected code<TAB>text, got " + String.join("<TAB>", row));
            }
        }
        return rows;
    }
}
