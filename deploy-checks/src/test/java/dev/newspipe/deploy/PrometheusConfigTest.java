package dev.newspipe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/prometheus and deploy/grafana, checked with Debian's promtool. */
class PrometheusConfigTest {

    private static final Path CONFIG = Path.of("deploy/prometheus/prometheus.yml");

    @Test
    void promtoolAcceptsTheConfigAndItsRules() {
        Tools.Result r = Tools.run(Repo.root(), List.of(Tools.promtool().toString(), "check", "config", CONFIG.toString()));
        assertEquals(0, r.exitCode(), "promtool check config:\n" + r.output());
        assertTrue(r.output().contains("rule files found") || r.output().contains("rules found"),
                "the config names no rule file:\n" + r.output());
    }

    @Test
    void promtoolAcceptsTheAlertRules() {
        Tools.Result r = Tools.run(Repo.root(),
                List.of(Tools.promtool().toString(), "check", "rules", MetricNames.ALERTS));
        assertEquals(0, r.exitCode(), "promtool check rules:\n" + r.output());
    }

    @Test
    void alertRulesPassTheirUnitTests() {
        Tools.Result r = Tools.run(Repo.root(),
                List.of(Tools.promtool().toString(), "test", "rules", "deploy/prometheus/alerts-test.yml"));
        assertEquals(0, r.exitCode(), "promtool test rules:\n" + r.output());
    }

    @Test
    void everyAlertHasSeverityAndSummary() {
        JsonNode rules = Repo.yaml(Repo.file(MetricNames.ALERTS));
        Set<String> wanted = new TreeSet<>(Set.of("NewspipeStageDown", "NewspipeConsumerLagGrowing",
                "NewspipeDeadLetters", "NewspipeEndToEndLatencyHigh", "NewspipeNothingStored"));
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertTrue(!rule.path("labels").path("severity").asText().isEmpty(), name + " has no severity");
                assertTrue(!rule.path("annotations").path("summary").asText().isEmpty(), name + " has no summary");
                wanted.remove(name);
            }
        }
        assertTrue(wanted.isEmpty(), "alerts missing from " + MetricNames.ALERTS + ": " + wanted);
    }

    /**
     * Every PromQL expression of the dashboard, with Grafana's variables filled in, goes through promtool
     * as a recording rule: promtool parses it as Prometheus would.
     */
    @Test
    void dashboardQueriesAreValidPromQl(@TempDir Path tmp) throws IOException {
        List<String> expressions = MetricNames.dashboardExpressions(Repo.root());
        assertTrue(expressions.size() >= 10, "the dashboard has only " + expressions.size() + " queries");
        List<String> lines = new ArrayList<>(List.of("groups:", "  - name: dashboard", "    rules:"));
        int i = 0;
        for (String expr : expressions) {
            String concrete = expr.replace("$__rate_interval", "1m").replace("$__interval", "1m")
                    .replace("${stage}", "ingest").replace("$stage", "ingest");
            assertTrue(!concrete.contains("$"), "a Grafana variable the check does not know: " + expr);
            lines.add("      - record: dashboard:query_" + i++);
            lines.add("        expr: " + Repo.JSON.writeValueAsString(concrete));
        }
        Path rules = tmp.resolve("dashboard-rules.yml");
        Files.write(rules, lines);
        Tools.Result r = Tools.run(Repo.root(), List.of(Tools.promtool().toString(), "check", "rules", rules.toString()));
        assertEquals(0, r.exitCode(), "dashboard queries that promtool refuses:\n" + r.output());
    }

    @Test
    void dashboardUsesTheProvisionedDatasource() {
        JsonNode datasources = Repo.yaml(Repo.file("deploy/grafana/provisioning/datasources/prometheus.yml"));
        String uid = datasources.path("datasources").get(0).path("uid").asText();
        assertEquals("http://prometheus:9090", datasources.path("datasources").get(0).path("url").asText());
        JsonNode dashboard = Repo.json(Repo.file(MetricNames.DASHBOARD));
        assertTrue(!dashboard.path("uid").asText().isEmpty(), "the dashboard has no uid");
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel id used twice: " + panel.path("id"));
            if (!panel.path("type").asText().equals("row")) {
                assertEquals(uid, panel.path("datasource").path("uid").asText(),
                        "panel '" + panel.path("title").asText() + "' uses another datasource");
            }
        }
        JsonNode providers = Repo.yaml(Repo.file("deploy/grafana/provisioning/dashboards/newspipe.yml"));
        assertEquals("/var/lib/grafana/dashboards", providers.path("providers").get(0).path("options").path("path").asText());
    }
}
