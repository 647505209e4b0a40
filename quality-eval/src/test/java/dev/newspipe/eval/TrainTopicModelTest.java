package dev.newspipe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.newspipe.enrich.topics.LinearTopicModel;
import dev.newspipe.enrich.topics.SemanticTopics;
import dev.newspipe.enrich.topics.SentenceEncoder;
import dev.newspipe.events.MediaTopics;

/** The training items, and the shipped topic model as the trainer makes it from them. */
class TrainTopicModelTest {

    @Test
    void everySecondLevelTopicHasTwentyFourTrainingItemsAndNoneIsAnEvaluationItem() {
        List<FieldItems.Item> items = FieldItems.load(TrainTopicModel.ITEMS);
        Map<String, Long> perField = items.stream().collect(Collectors.groupingBy(FieldItems.Item::field, Collectors.counting()));
        for (MediaTopics.Topic topic : MediaTopics.all()) {
            if (topic.level() == 2) {
                assertEquals(24L, perField.getOrDefault(topic.code(), 0L), topic.code());
            }
        }
        Set<String> evaluated = new HashSet<>();
        FieldItems.load(FieldItems.RESOURCE).forEach(item -> evaluated.add(item.headline()));
        assertTrue(items.stream().noneMatch(item -> evaluated.contains(item.headline())));
    }

    @Test
    void theShippedModelIsTheOneTheItemsTrain() {
        List<FieldItems.Item> items = FieldItems.load(TrainTopicModel.ITEMS);
        LinearTopicModel shipped = LinearTopicModel.read(LinearTopicModel.DEFAULT_MODEL);
        LinearTopicModel trained;
        int agree = 0;
        try (SentenceEncoder encoder = new SentenceEncoder(SemanticTopics.LEAD_TOKENS)) {
            List<float[]> vectors = TrainTopicModel.vectors(items, encoder);
            trained = TrainTopicModel.train(items, vectors);
            assertEquals(trained.codes(), shipped.codes());
            for (float[] vector : vectors) {
                agree += argmax(trained.probabilities(vector)) == argmax(shipped.probabilities(vector)) ? 1 : 0;
            }
        }
        // The sentence model's last digits may differ between machines; a stale model file differs far more.
        assertTrue(agree >= items.size() * 0.99, agree + " of " + items.size() + " items agree; retrain with"
                + " deploy/tools/train-topic-model");
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
