package dev.newspipe.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code news_ingest_articles_total{outcome, intake, source}}: received, accepted, duplicate and
 * rejected articles by intake path and source. A source is tagged as sent; "unknown" when absent.
 */
@ApplicationScoped
public class IngestMetrics {

    static final String ARTICLES = "news_ingest_articles";

    @Inject
    MeterRegistry registry;

    void received(String intake, String source) {
        count("received", intake, source);
    }

    void accepted(String intake, String source) {
        count("accepted", intake, source);
    }

    void duplicate(String intake, String source) {
        count("duplicate", intake, source);
    }

    void rejected(String intake, String source) {
        count("rejected", intake, source);
    }

    private void count(String outcome, String intake, String source) {
        registry.counter(ARTICLES, "outcome", outcome, "intake", intake, "source", sourceTag(source)).increment();
    }

    private static String sourceTag(String source) {
        if (source == null || source.isBlank()) {
            return "unknown";
        }
        String tag = source.strip();
        // Keep the label set bounded and readable: sources are outlet names or domains.
        return tag.length() > 64 ? tag.substring(0, 64) : tag;
    }
}
