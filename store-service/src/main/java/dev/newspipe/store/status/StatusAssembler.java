package dev.newspipe.store.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.newspipe.store.status.StatusSnapshot.DeadLetterTopic;
import dev.newspipe.store.status.StatusSnapshot.KafkaStatus;
import dev.newspipe.store.status.StatusSnapshot.StageThroughput;
import dev.newspipe.store.status.StatusSnapshot.StoredArticles;
import dev.newspipe.messaging.kafka.ConsumerLag;
import dev.newspipe.messaging.kafka.KafkaReading;

/** Puts one sample's readings together into the snapshot the page shows. */
public final class StatusAssembler {

    private StatusAssembler() {
    }

    /**
     * @param reading this sample's Kafka reading, null when the broker could not be read (then {@code kafka}
     *        says why, and only the database's figures are given)
     * @param history offset samples up to and including this one
     * @param deadLetterTails the newest records of each dead-letter topic, newest first
     */
    public static StatusSnapshot assemble(Instant sampledAt, long sampleMillis, List<PipelineStage> stages, KafkaStatus kafka,
            KafkaReading reading, OffsetHistory history, Map<String, List<DeadLetter>> deadLetterTails, StoredArticles stored) {
        List<StageThroughput> throughput = new ArrayList<>();
        List<ConsumerLag> lag = new ArrayList<>();
        List<DeadLetterTopic> deadLetters = new ArrayList<>();
        for (PipelineStage stage : stages) {
            Rate storedRows = stored.available() ? stored.stored() : null;
            if (reading == null) {
                throughput.add(new StageThroughput(stage.name(), stage.group(), stage.input(), null, null, stage.output(),
                        stage.output() == null ? storedRows : null, stage.deadLetters(), null));
                continue;
            }
            throughput.add(new StageThroughput(stage.name(), stage.group(), stage.input(),
                    history.appended(stage.input()), history.consumed(stage.group(), stage.input()), stage.output(),
                    stage.output() == null ? storedRows : history.appended(stage.output()),
                    stage.deadLetters(), history.appended(stage.deadLetters())));
            lag.add(reading.lag(stage.group(), stage.input()));
            deadLetters.add(new DeadLetterTopic(stage.deadLetters(), reading.written(stage.deadLetters()),
                    reading.retained(stage.deadLetters()), deadLetterTails.getOrDefault(stage.deadLetters(), List.of())));
        }
        return new StatusSnapshot(sampledAt, sampleMillis, kafka, throughput, lag, deadLetters, stored);
    }
}
