package dev.newspipe.enrich.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.newspipe.events.MediaTopics;
import dev.newspipe.events.TsvResource;

/**
 * A linear classifier over sentence vectors: per level-1 Media Topic a bias and one weight per vector dimension,
 * softmax over the topics. Trained offline on news items written for this project
 * ({@code deploy/tools/train-topic-model}); read from {@code /topics/topic-model.tsv}, one line per topic: code,
 * bias, weights.
 *
 * <p>Immutable once built, so one instance serves all threads.
 */
public final class LinearTopicModel {

    public static final String DEFAULT_MODEL = "/topics/topic-model.tsv";

    private final String[] codes;
    private final double[] bias;
    private final double[][] weights;

    public LinearTopicModel(String[] codes, double[] bias, double[][] weights) {
        if (codes.length == 0 || codes.length != bias.length || codes.length != weights.length) {
            throw new IllegalArgumentException("a model needs one bias and one weight row per topic");
        }
        int dimensions = weights[0].length;
        for (int k = 0; k < codes.length; k++) {
            List<MediaTopics.Topic> chain = MediaTopics.withAncestors(codes[k]);
            if (chain.size() != 1 || chain.get(0).level() != 1) {
                throw new IllegalArgumentException(codes[k] + " is not a level-1 Media Topic");
            }
            if (weights[k].length != dimensions) {
                throw new IllegalArgumentException(codes[k] + " has " + weights[k].length + " weights, not " + dimensions);
            }
        }
        this.codes = codes.clone();
        this.bias = bias.clone();
        this.weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    /** The model of a classpath resource; a malformed line fails naming the resource and the line. */
    public static LinearTopicModel read(String resource) {
        return parse(resource, TsvResource.rows(LinearTopicModel.class, resource));
    }

    /** The model of tab-separated rows (code, bias, weights); {@code where} names their source in errors. */
    static LinearTopicModel parse(String where, List<String[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalStateException(where + " holds no topic");
        }
        String[] codes = new String[rows.size()];
        double[] bias = new double[rows.size()];
        double[][] weights = new double[rows.size()][];
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            if (row.length < 3) {
                throw new IllegalStateException(where + ": row " + (k + 1) + " needs a code, a bias and weights");
            }
            codes[k] = row[0].strip();
            try {
                bias[k] = Double.parseDouble(row[1]);
                weights[k] = new double[row.length - 2];
                for (int d = 2; d < row.length; d++) {
                    weights[k][d - 2] = Double.parseDouble(row[d]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + ": row " + (k + 1) + " holds a value that is no number", e);
            }
        }
        try {
            return new LinearTopicModel(codes, bias, weights);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** The model as the resource holds it: one line per topic, tab-separated, numbers as Java writes them. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>(codes.length);
        for (int k = 0; k < codes.length; k++) {
            StringBuilder line = new StringBuilder(codes[k]).append('\t').append(format(bias[k]));
            for (double w : weights[k]) {
                line.append('\t').append(format(w));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    public int dimensions() {
        return weights[0].length;
    }

    public List<String> codes() {
        return List.of(codes);
    }

    /** Per topic, in {@link #codes()} order, its probability for a vector of {@link #dimensions()} numbers. */
    public double[] probabilities(float[] vector) {
        if (vector.length != dimensions()) {
            throw new IllegalArgumentException("vector of " + vector.length + " numbers for a model of " + dimensions());
        }
        double[] scores = new double[codes.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < codes.length; k++) {
            double s = bias[k];
            double[] w = weights[k];
            for (int d = 0; d < w.length; d++) {
                s += w[d] * vector[d];
            }
            scores[k] = s;
            max = Math.max(max, s);
        }
        double total = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            total += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= total;
        }
        return scores;
    }

    /**
     * Multinomial logistic regression by full-batch Adam from zero weights, so the same items give the same model.
     * Each topic weighs the same in training whatever its number of items: a field with many second-level topics,
     * and so many items, would otherwise win a larger prior than the news gives it.
     *
     * @param vectors  one sentence vector per item
     * @param labels   per item, the index of its topic in {@code codes}
     * @param l2       weight decay
     * @param epochs   passes over all items
     */
    public static LinearTopicModel train(String[] codes, List<float[]> vectors, int[] labels, double l2, int epochs) {
        int n = vectors.size();
        if (n == 0 || n != labels.length) {
            throw new IllegalArgumentException("one label per item, and at least one item");
        }
        int k = codes.length;
        int dims = vectors.get(0).length;
        double[][] w = new double[k][dims];
        double[] b = new double[k];
        double[][] mw = new double[k][dims];
        double[][] vw = new double[k][dims];
        double[] mb = new double[k];
        double[] vb = new double[k];
        double rate = 0.05;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double[] p = new double[k];
        int[] itemsOfTopic = new int[k];
        for (int label : labels) {
            itemsOfTopic[label]++;
        }
        int topicsWithItems = (int) Arrays.stream(itemsOfTopic).filter(c -> c > 0).count();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double[][] gw = new double[k][dims];
            double[] gb = new double[k];
            for (int i = 0; i < n; i++) {
                float[] x = vectors.get(i);
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = b[c];
                    for (int d = 0; d < dims; d++) {
                        s += w[c][d] * x[d];
                    }
                    p[c] = s;
                    max = Math.max(max, s);
                }
                double total = 0;
                for (int c = 0; c < k; c++) {
                    p[c] = Math.exp(p[c] - max);
                    total += p[c];
                }
                for (int c = 0; c < k; c++) {
                    // Item weight 1 / (its topic's items), over all topics: the weights sum to 1.
                    double g = (p[c] / total - (labels[i] == c ? 1 : 0)) / (itemsOfTopic[labels[i]] * (double) topicsWithItems);
                    gb[c] += g;
                    for (int d = 0; d < dims; d++) {
                        gw[c][d] += g * x[d];
                    }
                }
            }
            double correction1 = 1 - Math.pow(beta1, epoch);
            double correction2 = 1 - Math.pow(beta2, epoch);
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < dims; d++) {
                    double g = gw[c][d] + l2 * w[c][d];
                    mw[c][d] = beta1 * mw[c][d] + (1 - beta1) * g;
                    vw[c][d] = beta2 * vw[c][d] + (1 - beta2) * g * g;
                    w[c][d] -= rate * (mw[c][d] / correction1) / (Math.sqrt(vw[c][d] / correction2) + 1e-8);
                }
                mb[c] = beta1 * mb[c] + (1 - beta1) * gb[c];
                vb[c] = beta2 * vb[c] + (1 - beta2) * gb[c] * gb[c];
                b[c] -= rate * (mb[c] / correction1) / (Math.sqrt(vb[c] / correction2) + 1e-8);
            }
        }
        return new LinearTopicModel(codes, b, w);
    }
}
