package dev.newspipe.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names that the deployment's monitoring refers to: the Grafana dashboard's PromQL and the
 * Prometheus alert rules. {@link #referencedBy(Path)} lists them; {@link #PIPELINE} and {@link #STANDARD}
 * are the names they may use. A test that scrapes a running service's {@code /q/metrics} can compare
 * {@link #expectedInScrape(Path)} with {@link #inExposition(String)} of the scrape.
 */
public final class MetricNames {

    /** What the services export for the pipeline (Prometheus names, with the suffixes they are scraped under). */
    public static final Set<String> PIPELINE = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "news_stage_received_total",
            "news_stage_emitted_total",
            "news_stage_failed_total",
            "news_stage_dead_lettered_total",
            "news_stage_processing_seconds_bucket",
            "news_end_to_end_latency_seconds_bucket",
            "news_consumer_lag_records",
            "news_consumer_stalled",
            "news_ingest_articles_total")));

    /** Micrometer's standard JVM, HTTP server and Agroal (connection pool) meters, as Quarkus exports them. */
    public static final Set<String> STANDARD = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "jvm_memory_used_bytes",
            "jvm_memory_committed_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_sum",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "system_cpu_usage",
            "process_uptime_seconds",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max",
            "agroal_active_count",
            "agroal_available_count",
            "agroal_awaiting_count",
            "agroal_max_used_count")));

    /** Series Prometheus makes itself for every target; never in a scrape. */
    public static final Set<String> PROMETHEUS_SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    /** The Grafana dashboard and the alert rules, relative to the repository root. */
    public static final String DASHBOARD = "deploy/grafana/dashboards/pipeline.json";
    public static final String ALERTS = "deploy/prometheus/alerts.yml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "atan2", "inf", "nan");
    private static final Pattern EXPOSITION_SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{|\\s)");

    private MetricNames() {
    }

    /**
     * The metric names one PromQL expression selects: every identifier that is not a function, an
     * aggregation, a keyword, a label name, a duration or a number. Grafana variables ($stage,
     * $__rate_interval, ${x}) are dropped first.
     */
    public static Set<String> inPromQl(String expression) {
        String s = STRING.matcher(expression).replaceAll("\"\"");
        s = GRAFANA_VARIABLE.matcher(s).replaceAll(" ");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = LABEL_LIST.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String name = m.group(1);
            if (KEYWORDS.contains(name.toLowerCase())) {
                continue;
            }
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean call = next < s.length() && s.charAt(next) == '(';
            // "sum by (x) (...)" has had its label list removed, leaving "sum   (...)": still a call.
            if (!call) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every PromQL expression of the dashboard's panels (nested rows included), in panel order. */
    public static List<String> dashboardExpressions(Path repoRoot) {
        try {
            JsonNode dashboard = JSON.readTree(repoRoot.resolve(DASHBOARD).toFile());
            List<String> expressions = new ArrayList<>();
            collectTargets(dashboard.path("panels"), expressions);
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectTargets(JsonNode panels, List<String> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    into.add(expr);
                }
            }
            collectTargets(panel.path("panels"), into);
        }
    }

    /** Every alerting or recording rule expression of alerts.yml. */
    public static List<String> alertExpressions(Path repoRoot) {
        try {
            JsonNode rules = YAML.readTree(repoRoot.resolve(ALERTS).toFile());
            List<String> expressions = new ArrayList<>();
            for (JsonNode group : rules.path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    expressions.add(rule.path("expr").asText());
                }
            }
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metric names the dashboard and the alert rules refer to. */
    public static Set<String> referencedBy(Path repoRoot) {
        Set<String> names = new TreeSet<>();
        for (String expression : dashboardExpressions(repoRoot)) {
            names.addAll(inPromQl(expression));
        }
        for (String expression : alertExpressions(repoRoot)) {
            names.addAll(inPromQl(expression));
        }
        return names;
    }

    /**
     * The names a scrape of all three services together must contain for the dashboard and the alerts
     * to have data: what they refer to, less what Prometheus makes itself ({@code up}).
     */
    public static Set<String> expectedInScrape(Path repoRoot) {
        Set<String> names = new TreeSet<>(referencedBy(repoRoot));
        names.removeAll(PROMETHEUS_SYNTHETIC);
        return names;
    }

    /** The metric names in a Prometheus text exposition (a {@code /q/metrics} body): one per sample line. */
    public static Set<String> inExposition(String body) {
        Set<String> names = new TreeSet<>();
        for (String line : body.split("\n")) {
            Matcher m = EXPOSITION_SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The names of {@link #referencedBy(Path)} that are neither {@link #PIPELINE}, {@link #STANDARD} nor synthetic. */
    public static Set<String> unknown(Set<String> names) {
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(PIPELINE);
        unknown.removeAll(STANDARD);
        unknown.removeAll(PROMETHEUS_SYNTHETIC);
        return unknown;
    }
}
