package dev.newspipe.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import dev.newspipe.ingest.IngestService.Result;
import dev.newspipe.ingest.IngestService.Submission;
import dev.newspipe.messaging.StageMetrics;

/**
 * The ingest stage's meters:
 * <ul>
 * <li>{@code news_ingest_articles_total{outcome, intake, source}}: received, accepted, duplicate and
 * rejected articles by intake path and source. A source is tagged as sent; "unknown" when absent.</li>
 * <li>the {@link StageMetrics} every stage has, over all intake paths: an accepted article is emitted, a
 * rejected one failed; unreadable {@code news.raw} records count as received, failed and dead-lettered.</li>
 * </ul>
 */
@ApplicationScoped
public class IngestMetrics {

    static final String ARTICLES = "news_ingest_articles";
    static final String STAGE = "ingest";

    @Inject
    MeterRegistry registry;

    private StageMetrics stage;

    @PostConstruct
    void registerStageMetrics() {
        stage = new StageMetrics(registry, STAGE);
    }

    /** The final outcome of one submission (an HTTP request's or a poll's articles), which took {@code nanos}. */
    void submitted(String intake, List<Submission> submissions, List<Result> results, long nanos) {
        // Counted per source and outcome first, then one counter lookup each: a lookup builds the meter's id,
        // and two per article were a measurable share of ingest's work on batches of hundreds.
        Map<String, Map<String, Integer>> bySource = new HashMap<>();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < submissions.size(); i++) {
            String outcome = results.get(i).status();
            Map<String, Integer> byOutcome = bySource.computeIfAbsent(sourceTag(submissions.get(i)), s -> new HashMap<>());
            byOutcome.merge("received", 1, Integer::sum);
            byOutcome.merge(outcome, 1, Integer::sum);
            if ("accepted".equals(outcome)) {
                accepted++;
            } else if ("rejected".equals(outcome)) {
                rejected++;
            }
        }
        bySource.forEach((source, byOutcome) -> byOutcome.forEach((outcome, count) ->
                registry.counter(ARTICLES, "outcome", outcome, "intake", intake, "source", source).increment(count)));
        stage.received(submissions.size());
        stage.emitted(accepted);
        stage.failed(rejected, 0);
        stage.processed(nanos);
    }

    /** Records of {@code news.raw} that were not articles at all, or invalid ones, written to its dead-letter topic. */
    void unreadable(int records) {
        stage.received(records);
        stage.failed(records, records);
    }

    void deadLettered(int records) {
        stage.failed(0, records);
    }

    /** A source as a label: as sent, "unknown" when absent, cut to keep the label set bounded and readable. */
    private static String sourceTag(Submission submission) {
        String source = submission.article() == null ? null : submission.article().source();
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String tag = source.strip();
        return tag.length() > 64 ? tag.substring(0, 64) : tag;
    }
}
