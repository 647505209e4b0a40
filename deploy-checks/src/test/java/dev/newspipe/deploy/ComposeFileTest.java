package dev.newspipe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newspipe.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/docker-compose.yml, parsed: health checks everywhere, start order by health, topics as in
 * Topics.ALL, Prometheus scraping every service, no secret in the file, images built from the fast-jars.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("deploy/docker-compose.yml");
    private static final Set<String> CONDITIONS = Set.of("service_healthy", "service_completed_successfully");

    private static JsonNode services() {
        JsonNode services = Repo.yaml(Repo.root().resolve(COMPOSE)).path("services");
        assertTrue(services.size() >= 7, "compose services: " + services);
        return services;
    }

    /**
     * Debian's docker-compose (1.29) validates the file against the Compose schema and interpolates it,
     * without a Docker engine; without the passwords it must refuse, naming the variable. An empty
     * --env-file keeps a developer's deploy/.env out of it.
     */
    @Test
    void dockerComposeAcceptsTheFileAndRequiresThePasswords(@TempDir Path tmp) throws IOException {
        Path emptyEnv = Files.writeString(tmp.resolve("empty.env"), "");
        List<String> config = List.of(Tools.dockerCompose().toString(), "--env-file", emptyEnv.toString(),
                "-f", COMPOSE.toString(), "config", "-q");
        Tools.Result ok = Tools.run(Repo.root(), config,
                Map.of("NEWS_DB_PASSWORD", "test-only", "GRAFANA_ADMIN_PASSWORD", "test-only"));
        assertEquals(0, ok.exitCode(), "docker-compose config:\n" + ok.output());
        Map<String, String> none = new HashMap<>();
        none.put("NEWS_DB_PASSWORD", null);
        none.put("GRAFANA_ADMIN_PASSWORD", null);
        Tools.Result refused = Tools.run(Repo.root(), config, none);
        assertNotEquals(0, refused.exitCode(), "compose must refuse to start without the passwords");
        assertTrue(refused.output().contains("NEWS_DB_PASSWORD") || refused.output().contains("GRAFANA_ADMIN_PASSWORD"),
                refused.output());
    }

    @Test
    void everyContainerHasAHealthCheck() {
        services().fields().forEachRemaining(e -> {
            JsonNode test = e.getValue().path("healthcheck").path("test");
            assertTrue(test.isArray() && test.size() >= 2 || test.isTextual() && !test.asText().isBlank(),
                    e.getKey() + " has no healthcheck test");
            assertFalse(e.getValue().path("healthcheck").path("disable").asBoolean(false), e.getKey() + " disables its healthcheck");
        });
        for (Repo.Stage stage : Repo.STAGES) {
            String test = services().path(stage.service()).path("healthcheck").path("test").toString();
            assertTrue(test.contains("localhost:" + stage.port() + "/q/health/ready"),
                    stage.service() + " must be healthy only when ready: " + test);
        }
    }

    @Test
    void dependenciesWaitForHealthOrCompletion() {
        JsonNode services = services();
        services.fields().forEachRemaining(e -> {
            JsonNode dependsOn = e.getValue().path("depends_on");
            if (dependsOn.isMissingNode()) {
                return;
            }
            assertTrue(dependsOn.isObject(), e.getKey() + ": depends_on must name a condition for each dependency");
            dependsOn.fields().forEachRemaining(d -> {
                String condition = d.getValue().path("condition").asText();
                assertTrue(CONDITIONS.contains(condition), e.getKey() + " -> " + d.getKey() + ": condition " + condition);
                JsonNode target = services.path(d.getKey());
                assertFalse(target.isMissingNode(), e.getKey() + " depends on unknown " + d.getKey());
                if (condition.equals("service_completed_successfully")) {
                    assertEquals("no", target.path("restart").asText("no"), d.getKey() + " is one-shot and must not restart");
                }
            });
        });
        for (Repo.Stage stage : Repo.STAGES) {
            JsonNode dependsOn = services.path(stage.service()).path("depends_on");
            assertEquals("service_healthy", dependsOn.path("kafka").path("condition").asText(), stage.service() + " waits for kafka");
            assertEquals("service_completed_successfully", dependsOn.path("kafka-init").path("condition").asText(),
                    stage.service() + " waits for the topics");
            boolean needsDatabase = Repo.applicationProperties(stage.service()).containsKey("quarkus.datasource.jdbc.url");
            assertEquals(needsDatabase, dependsOn.has("postgres"), stage.service() + (needsDatabase ? " needs" : " does not need") + " postgres");
        }
    }

    @Test
    void topicInitCreatesEveryTopicWithItsPartitions() {
        String command = services().path("kafka-init").path("command").toString().replace("\\n", "\n");
        for (Topics.TopicSpec spec : Topics.ALL) {
            Pattern create = Pattern.compile("(?m)^\\s*create " + Pattern.quote(spec.name()) + " (\\d+) \\d+\\s*$");
            Matcher m = create.matcher(command);
            assertTrue(m.find(), "kafka-init does not create " + spec.name());
            assertEquals(spec.partitions(), Integer.parseInt(m.group(1)), "partitions of " + spec.name());
        }
        assertTrue(command.contains("kafka-topics.sh"), "kafka-init must use kafka-topics.sh");
        assertTrue(command.contains("--if-not-exists"), "kafka-init must be re-runnable");
    }

    @Test
    void kafkaIsTheBomsVersionInKRaftMode() {
        JsonNode kafka = services().path("kafka");
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Repo.read(Repo.file("pom.xml")));
        assertTrue(version.find());
        assertEquals("apache/kafka:" + version.group(1), kafka.path("image").asText());
        assertEquals(kafka.path("image").asText(), services().path("kafka-init").path("image").asText());
        assertEquals("broker,controller", kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText());
        assertEquals("false", kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
    }

    @Test
    void prometheusScrapesEveryService() {
        JsonNode prometheus = services().path("prometheus");
        assertTrue(prometheus.path("volumes").toString().contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"),
                "compose Prometheus must mount deploy/prometheus/prometheus.yml");
        JsonNode config = Repo.yaml(Repo.file("deploy/prometheus/prometheus.yml"));
        List<String> targets = new ArrayList<>();
        for (JsonNode job : config.path("scrape_configs")) {
            if (job.path("metrics_path").asText("/metrics").equals("/q/metrics")) {
                for (JsonNode sc : job.path("static_configs")) {
                    sc.path("targets").forEach(t -> targets.add(t.asText()));
                }
            }
        }
        for (Repo.Stage stage : Repo.STAGES) {
            assertTrue(targets.contains(stage.service() + ":" + stage.port()),
                    "Prometheus does not scrape " + stage.service() + ":" + stage.port() + "/q/metrics: " + targets);
            assertTrue(services().path(stage.service()).path("ports").toString().contains(String.valueOf(stage.port())));
        }
        assertTrue(prometheus.path("volumes").toString().contains("alerts.yml"), "compose Prometheus must mount alerts.yml");
    }

    @Test
    void grafanaIsProvisioned() {
        String volumes = services().path("grafana").path("volumes").toString();
        assertTrue(volumes.contains("./grafana/provisioning:/etc/grafana/provisioning"), volumes);
        assertTrue(volumes.contains("./grafana/dashboards:/var/lib/grafana/dashboards"), volumes);
    }

    /** Passwords come from the environment (or deploy/.env, git-ignored) and compose refuses to start without them. */
    @Test
    void noSecretInTheFile() {
        Pattern required = Pattern.compile("\\$\\{[A-Z_]+:\\?[^}]+}");
        services().fields().forEachRemaining(e -> e.getValue().path("environment").fields().forEachRemaining(v -> {
            if (v.getKey().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                assertTrue(required.matcher(v.getValue().asText()).matches(),
                        e.getKey() + " " + v.getKey() + " must be ${VAR:?message}, not a value in the file");
            }
        }));
        assertTrue(Repo.read(Repo.file(".gitignore")).contains("deploy/.env"), "deploy/.env must be git-ignored");
        assertTrue(Files.exists(Repo.file("deploy/.env.example")), "deploy/.env.example documents the variables");
    }

    @Test
    void serviceImagesAreBuiltFromTheFastJars() {
        Map<String, String> dockerignore = Map.of("text", Repo.read(Repo.file(".dockerignore")));
        for (Repo.Stage stage : Repo.STAGES) {
            JsonNode build = services().path(stage.service()).path("build");
            assertEquals("..", build.path("context").asText(), stage.service() + " builds from the repository root");
            String dockerfile = build.path("dockerfile").asText();
            assertEquals("deploy/docker/" + stage.service() + ".Dockerfile", dockerfile);
            String text = Repo.read(Repo.file(dockerfile));
            assertTrue(text.contains("COPY --chown=10001 " + stage.service() + "/target/quarkus-app/lib/"), dockerfile + " copies the fast-jar's lib/");
            assertTrue(text.contains(stage.service() + "/target/quarkus-app/quarkus/"), dockerfile + " copies quarkus/");
            assertTrue(text.contains("COPY deploy/jvm-options"), dockerfile + " must carry deploy/jvm-options");
            assertTrue(text.contains("SERVICE=" + stage.service()), dockerfile + " must select its jvm-options line");
            assertTrue(text.contains("EXPOSE " + stage.port()), dockerfile + " exposes " + stage.port());
            assertTrue(text.contains("/q/health/ready"), dockerfile + " health check");
            assertTrue(text.contains("USER 10001"), dockerfile + " runs as a non-root user");
            assertTrue(dockerignore.get("text").contains("!" + stage.service() + "/target/quarkus-app/"),
                    ".dockerignore must let " + stage.service() + "/target/quarkus-app into the build context");
        }
        if (!Files.exists(Repo.file("deploy/docker/run-java.sh"))) {
            fail("deploy/docker/run-java.sh is missing");
        }
    }
}
