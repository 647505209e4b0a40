package dev.newspipe.eval;

import java.util.Locale;

/** True positives, false positives and false negatives, with precision, recall and F1 over them. */
public final class Prf {

    private long truePositives;
    private long falsePositives;
    private long falseNegatives;

    public Prf() {
    }

    public Prf(long truePositives, long falsePositives, long falseNegatives) {
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.falseNegatives = falseNegatives;
    }

    public void add(long tp, long fp, long fn) {
        truePositives += tp;
        falsePositives += fp;
        falseNegatives += fn;
    }

    public void add(Prf other) {
        add(other.truePositives, other.falsePositives, other.falseNegatives);
    }

    public long truePositives() {
        return truePositives;
    }

    public long falsePositives() {
        return falsePositives;
    }

    public long falseNegatives() {
        return falseNegatives;
    }

    /** How many items the gold holds. */
    public long gold() {
        return truePositives + falseNegatives;
    }

    /** How many items were predicted. */
    public long predicted() {
        return truePositives + falsePositives;
    }

    /** 0 when nothing was predicted: an engine that says nothing earns nothing. */
    public double precision() {
        return predicted() == 0 ? 0 : (double) truePositives / predicted();
    }

    /** 0 when the gold is empty. */
    public double recall() {
        return gold() == 0 ? 0 : (double) truePositives / gold();
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", 100 * value);
    }

    @Override
    public String toString() {
        return "P " + percent(precision()) + " R " + percent(recall()) + " F1 " + percent(f1()) + " (tp " + truePositives
                + ", fp " + falsePositives + ", fn " + falseNegatives + ")";
    }
}
