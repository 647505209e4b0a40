package dev.newspipe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules use only metric names the services export (the pipeline's own, as
 * agreed with the services, and Micrometer's standard ones), so a renamed meter cannot leave a panel
 * or an alert silently empty.
 */
class MetricNamesTest {

    @Test
    void extractsMetricNamesFromPromQl() {
        assertEquals(Set.of("news_stage_processing_seconds_bucket"), MetricNames.inPromQl(
                "histogram_quantile(0.99, sum by (le, stage) (rate(news_stage_processing_seconds_bucket{stage=~\"$stage\"}[$__rate_interval])))"));
        assertEquals(Set.of("news_consumer_lag_records"), MetricNames.inPromQl(
                "sum by (stage, topic) (news_consumer_lag_records) > 1000 and sum by (stage, topic) (news_consumer_lag_records)"
                        + " > sum by (stage, topic) (news_consumer_lag_records offset 15m)"));
        assertEquals(Set.of("a_total", "b_total", "up"), MetricNames.inPromQl(
                "sum(rate(a_total{x=\"y(z)\", le=\"+Inf\"}[5m])) by (x) / ignoring(le) group_left(w) sum(rate(b_total[1h:5m]))"
                        + " * 1e3 > bool 0.5 unless on(x) up offset 1d"));
        assertEquals(Set.of("up"), MetricNames.inPromQl("up{job=\"newspipe\"} == 0"));
        assertEquals(Set.of("m"), MetricNames.inPromQl("label_replace(m, \"dst\", \"$1\", \"src\", \"(.*)\")"));
        assertEquals(Set.of("x:y_total"), MetricNames.inPromQl("sum without (instance) (x:y_total)"));
    }

    @Test
    void readsNamesFromAScrape() {
        String body = """
                # HELP news_stage_received_total Records a stage took in
                # TYPE news_stage_received_total counter
                news_stage_received_total{stage="ingest"} 3.0
                news_stage_processing_seconds_bucket{stage="ingest",le="0.1"} 1.0
                jvm_memory_used_bytes{area="heap",id="eden"} 123456.0
                process_uptime_seconds 12.5
                """;
        assertEquals(Set.of("news_stage_received_total", "news_stage_processing_seconds_bucket",
                "jvm_memory_used_bytes", "process_uptime_seconds"), MetricNames.inExposition(body));
    }

    @Test
    void dashboardAndAlertsUseOnlyExportedNames() {
        Set<String> referenced = MetricNames.referencedBy(Repo.root());
        assertTrue(MetricNames.unknown(referenced).isEmpty(),
                "names in " + MetricNames.DASHBOARD + " or " + MetricNames.ALERTS
                        + " that the services do not export: " + MetricNames.unknown(referenced));
    }

    @Test
    void dashboardShowsEveryPipelineMetric() {
        Set<String> inDashboard = new TreeSet<>();
        MetricNames.dashboardExpressions(Repo.root()).forEach(e -> inDashboard.addAll(MetricNames.inPromQl(e)));
        Set<String> missing = new TreeSet<>(MetricNames.PIPELINE);
        missing.removeAll(inDashboard);
        assertTrue(missing.isEmpty(), "pipeline metrics without a panel: " + missing);
    }

    @Test
    void expectedInScrapeLeavesOutWhatPrometheusMakes() {
        Set<String> expected = MetricNames.expectedInScrape(Repo.root());
        assertTrue(expected.contains("news_ingest_articles_total"), expected.toString());
        assertTrue(expected.stream().noneMatch(MetricNames.PROMETHEUS_SYNTHETIC::contains), expected.toString());
    }
}
