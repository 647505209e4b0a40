package dev.newspipe.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LinearTopicModelTest {

    static final String[] CODES = {"medtop:04000000", "medtop:15000000", "medtop:17000000"};

    /** Three clusters of 8-number vectors, one per topic, around different corners. */
    static List<float[]> clusters(int perTopic, int[] labels, long seed) {
        Random random = new Random(seed);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < perTopic * CODES.length; i++) {
            int topic = i % CODES.length;
            float[] v = new float[8];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (random.nextGaussian() * 0.3 + (d % CODES.length == topic ? 1 : 0));
            }
            vectors.add(v);
            labels[i] = topic;
        }
        return vectors;
    }

    @Test
    void trainingLearnsSeparableTopicsAndIsDeterministic() {
        int[] labels = new int[60];
        List<float[]> vectors = clusters(20, labels, 7);
        LinearTopicModel model = LinearTopicModel.train(CODES, vectors, labels, 1e-3, 200);
        int[] unseenLabels = new int[30];
        List<float[]> unseen = clusters(10, unseenLabels, 8);
        for (int i = 0; i < unseen.size(); i++) {
            double[] p = model.probabilities(unseen.get(i));
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
            assertTrue(p[unseenLabels[i]] > 0.5, "item " + i + ": " + java.util.Arrays.toString(p));
        }
        LinearTopicModel again = LinearTopicModel.train(CODES, vectors, labels, 1e-3, 200);
        assertEquals(model.toLines(), again.toLines());
    }

    @Test
    void theWrittenModelReadsBackWithTheSameProbabilities() {
        int[] labels = new int[30];
        List<float[]> vectors = clusters(10, labels, 3);
        LinearTopicModel model = LinearTopicModel.train(CODES, vectors, labels, 1e-3, 50);
        List<String[]> rows = model.toLines().stream().map(line -> line.split("\t")).toList();
        LinearTopicModel read = LinearTopicModel.parse("written", rows);
        assertEquals(model.codes(), read.codes());
        assertArrayEquals(model.probabilities(vectors.get(0)), read.probabilities(vectors.get(0)), 1e-5);
    }

    @Test
    void aMalformedModelFailsNamingItsRow() {
        IllegalStateException noNumber = assertThrows(IllegalStateException.class, () -> LinearTopicModel.parse("m.tsv",
                List.of(new String[] {"medtop:04000000", "0.1", "0.2"}, new String[] {"medtop:15000000", "x", "0.2"})));
        assertTrue(noNumber.getMessage().contains("m.tsv: row 2"), noNumber.getMessage());
        IllegalStateException notTop = assertThrows(IllegalStateException.class,
                () -> LinearTopicModel.parse("m.tsv", List.<String[]>of(new String[] {"medtop:20000587", "0.1", "0.2"})));
        assertTrue(notTop.getMessage().contains("medtop:20000587"), notTop.getMessage());
        assertThrows(IllegalStateException.class, () -> LinearTopicModel.parse("m.tsv",
                List.of(new String[] {"medtop:04000000", "0.1", "0.2"}, new String[] {"medtop:15000000", "0.1", "0.2", "0.3"})));
        assertThrows(IllegalStateException.class, () -> LinearTopicModel.parse("m.tsv", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LinearTopicModel.parse("m.tsv", List.<String[]>of(new String[] {"medtop:04000000", "0", "1"}))
                        .probabilities(new float[2]));
    }
}
