package dev.newspipe.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newspipe.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/k8s rendered by kubectl kustomize (base and the production overlay) and checked: probes and
 * resources of every Deployment, a KafkaTopic for every topic of Topics.ALL, a ScaledObject per stage
 * whose maximum stays within the partitions, PodDisruptionBudgets and Services, configuration and secrets.
 */
class KustomizeTest {

    @TempDir
    static Path tmp;

    private static List<JsonNode> base;
    private static List<JsonNode> production;

    /**
     * Renders a copy of deploy/k8s, in which the production overlay's uncommitted secrets/db.env is made
     * from its committed example, as an operator would.
     */
    @BeforeAll
    static void render() throws IOException {
        Path k8s = tmp.resolve("k8s");
        copyTree(Repo.file("deploy/k8s"), k8s);
        Path secrets = k8s.resolve("overlays/production/secrets");
        Files.copy(secrets.resolve("db.env.example"), secrets.resolve("db.env"), StandardCopyOption.REPLACE_EXISTING);
        base = build(k8s.resolve("base"));
        production = build(k8s.resolve("overlays/production"));
    }

    private static List<JsonNode> build(Path dir) {
        StringBuilder stderr = new StringBuilder();
        Tools.Result r = Tools.runForStdout(dir, Tools.kustomize(dir), stderr);
        assertEquals(0, r.exitCode(), "kustomize " + dir + " failed:\n" + stderr);
        List<JsonNode> docs = Repo.yamlDocuments(r.output());
        assertFalse(docs.isEmpty(), "kustomize " + dir + " rendered nothing");
        return docs;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("db.env")) {   // never a developer's real secret
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static Optional<JsonNode> named(List<JsonNode> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    private static Map<String, List<JsonNode>> both() {
        return Map.of("base", base, "production", production);
    }

    @Test
    void everyDeploymentHasProbesAndResources() {
        both().forEach((variant, docs) -> {
            for (Repo.Stage stage : Repo.STAGES) {
                JsonNode deployment = named(docs, "Deployment", stage.service())
                        .orElseGet(() -> fail(variant + ": no Deployment " + stage.service()));
                JsonNode container = deployment.at("/spec/template/spec/containers/0");
                String where = variant + " " + stage.service() + ": ";
                assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), where + "liveness probe");
                assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), where + "readiness probe");
                assertTrue(container.at("/ports/0/containerPort").asInt() == stage.port(), where + "container port");
                assertFalse(container.at("/resources/requests/cpu").asText().isEmpty(), where + "no CPU request");
                assertFalse(container.at("/resources/requests/memory").asText().isEmpty(), where + "no memory request");
                String limit = container.at("/resources/limits/memory").asText();
                assertFalse(limit.isEmpty(), where + "no memory limit");
                long needed = jvmFootprintMb(stage.service(), container) + 64;
                assertTrue(Repo.mebibytes(limit) >= needed, where + "memory limit " + limit
                        + " is below heap + metaspace + code cache + 64 MiB = " + needed + " MiB (deploy/jvm-options)");
                assertTrue(Repo.mebibytes(container.at("/resources/requests/memory").asText()) <= Repo.mebibytes(limit),
                        where + "memory request above the limit");
            }
        });
    }

    /** -Xmx + MaxMetaspaceSize + ReservedCodeCacheSize in MiB, from deploy/jvm-options and JAVA_OPTS_APPEND. */
    private static long jvmFootprintMb(String service, JsonNode container) {
        List<String> options = new ArrayList<>(Repo.jvmOptions(service));
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("JAVA_OPTS_APPEND")) {
                options.addAll(List.of(env.path("value").asText().trim().split("\\s+")));
            }
        }
        long heap = 0;
        long metaspace = 0;
        long codeCache = 240;   // the JVM's default with tiered compilation
        for (String o : options) {
            if (o.startsWith("-Xmx")) {
                heap = Repo.megabytes(o.substring(4));
            } else if (o.startsWith("-XX:MaxMetaspaceSize=")) {
                metaspace = Repo.megabytes(o.substring(o.indexOf('=') + 1));
            } else if (o.startsWith("-XX:ReservedCodeCacheSize=")) {
                codeCache = Repo.megabytes(o.substring(o.indexOf('=') + 1));
            }
        }
        assertTrue(heap > 0 && metaspace > 0, service + ": deploy/jvm-options must bound heap and metaspace: " + options);
        return heap + metaspace + codeCache;
    }

    @Test
    void everyTopicHasAKafkaTopicWithItsPartitions() {
        both().forEach((variant, docs) -> {
            List<JsonNode> topics = ofKind(docs, "KafkaTopic");
            for (Topics.TopicSpec spec : Topics.ALL) {
                JsonNode topic = topics.stream()
                        .filter(t -> t.at("/spec/topicName").asText(t.at("/metadata/name").asText()).equals(spec.name()))
                        .findFirst().orElseGet(() -> fail(variant + ": no KafkaTopic for " + spec.name()));
                assertEquals(spec.partitions(), topic.at("/spec/partitions").asInt(), variant + " " + spec.name() + " partitions");
                assertFalse(topic.at("/spec/config/retention.ms").isMissingNode(), variant + " " + spec.name() + " has no retention.ms");
                assertFalse(topic.at("/metadata/labels/strimzi.io~1cluster").asText().isEmpty(),
                        variant + " " + spec.name() + " names no Strimzi cluster");
            }
            assertEquals(Topics.ALL.size(), topics.size(), variant + ": KafkaTopics that Topics.ALL does not have");
        });
        for (JsonNode topic : ofKind(production, "KafkaTopic")) {
            assertTrue(topic.at("/spec/replicas").asInt() >= 3, "production topics need three replicas: " + topic.at("/spec/topicName"));
        }
    }

    @Test
    void everyStageScalesOnItsConsumerLagWithinThePartitions() {
        both().forEach((variant, docs) -> {
            String bootstrap = configMap(docs).path("data").path("NEWS_KAFKA_BOOTSTRAP").asText();
            assertFalse(bootstrap.isEmpty(), variant + ": the ConfigMap has no NEWS_KAFKA_BOOTSTRAP");
            for (Repo.Stage stage : Repo.STAGES) {
                Map.Entry<String, String> incoming = Repo.incoming(stage.service());
                int partitions = Topics.ALL.stream().filter(t -> t.name().equals(incoming.getKey()))
                        .findFirst().orElseThrow().partitions();
                JsonNode scaled = ofKind(docs, "ScaledObject").stream()
                        .filter(s -> s.at("/spec/scaleTargetRef/name").asText().equals(stage.service()))
                        .findFirst().orElseGet(() -> fail(variant + ": no ScaledObject scales " + stage.service()));
                String where = variant + " ScaledObject of " + stage.service() + ": ";
                int max = scaled.at("/spec/maxReplicaCount").asInt();
                assertTrue(max >= 1 && max <= partitions,
                        where + "maxReplicaCount " + max + " must be at most the " + partitions + " partitions of " + incoming.getKey());
                assertTrue(scaled.at("/spec/minReplicaCount").asInt(0) <= max, where + "minReplicaCount above the maximum");
                JsonNode trigger = scaled.at("/spec/triggers/0");
                assertEquals("kafka", trigger.path("type").asText(), where + "trigger type");
                JsonNode meta = trigger.path("metadata");
                assertEquals(incoming.getKey(), meta.path("topic").asText(), where + "topic");
                assertEquals(incoming.getValue(), meta.path("consumerGroup").asText(), where + "consumer group (application.properties)");
                assertEquals(bootstrap, meta.path("bootstrapServers").asText(), where + "bootstrapServers differ from NEWS_KAFKA_BOOTSTRAP");
                assertTrue(Integer.parseInt(meta.path("lagThreshold").asText("0")) > 0, where + "no lagThreshold");
                assertEquals("false", meta.path("allowIdleConsumers").asText("false"), where + "idle consumers beyond the partitions");
            }
        });
    }

    @Test
    void everyDeploymentHasAServiceAndADisruptionBudget() {
        both().forEach((variant, docs) -> {
            for (Repo.Stage stage : Repo.STAGES) {
                JsonNode deployment = named(docs, "Deployment", stage.service()).orElseThrow();
                JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
                JsonNode pdb = ofKind(docs, "PodDisruptionBudget").stream()
                        .filter(p -> selects(p.at("/spec/selector/matchLabels"), podLabels)).findFirst()
                        .orElseGet(() -> fail(variant + ": no PodDisruptionBudget selects " + stage.service()));
                assertTrue(pdb.at("/spec/maxUnavailable").isInt() || pdb.at("/spec/minAvailable").isInt()
                        || pdb.at("/spec/maxUnavailable").isTextual(), variant + " PDB of " + stage.service() + " sets no budget");
                JsonNode service = named(docs, "Service", stage.service())
                        .orElseGet(() -> fail(variant + ": no Service " + stage.service()));
                assertTrue(selects(service.at("/spec/selector"), podLabels), variant + ": Service " + stage.service() + " selects other pods");
                assertEquals(stage.port(), service.at("/spec/ports/0/port").asInt(), variant + ": Service port of " + stage.service());
            }
        });
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode configMap(List<JsonNode> docs) {
        List<JsonNode> maps = ofKind(docs, "ConfigMap");
        assertEquals(1, maps.size(), "one ConfigMap expected");
        return maps.get(0);
    }

    @Test
    void servicesReadConfigMapAndSecretThatExist() {
        both().forEach((variant, docs) -> {
            String configMap = configMap(docs).at("/metadata/name").asText();
            List<JsonNode> secrets = ofKind(docs, "Secret");
            assertEquals(1, secrets.size(), variant + ": one Secret expected");
            String secret = secrets.get(0).at("/metadata/name").asText();
            for (Repo.Stage stage : Repo.STAGES) {
                JsonNode container = named(docs, "Deployment", stage.service()).orElseThrow()
                        .at("/spec/template/spec/containers/0");
                List<String> refs = new ArrayList<>();
                for (JsonNode from : container.path("envFrom")) {
                    refs.add(from.at("/configMapRef/name").asText(from.at("/secretRef/name").asText()));
                }
                assertTrue(refs.contains(configMap), variant + " " + stage.service() + " does not read " + configMap + ": " + refs);
                boolean needsDatabase = Repo.applicationProperties(stage.service()).containsKey("quarkus.datasource.jdbc.url");
                assertEquals(needsDatabase, refs.contains(secret),
                        variant + " " + stage.service() + (needsDatabase ? " needs" : " must not get") + " the database Secret " + secret);
            }
        });
    }

    @Test
    void noRealSecretIsCommitted() {
        JsonNode baseSecret = ofKind(base, "Secret").get(0);
        String password = new String(Base64.getDecoder().decode(baseSecret.at("/data/NEWS_DB_PASSWORD").asText()));
        assertTrue(password.contains("placeholder"), "the base Secret must hold a placeholder, not " + password);
        Path overlay = Repo.file("deploy/k8s/overlays/production");
        assertTrue(Files.exists(overlay.resolve("secrets/db.env.example")), "the production overlay needs secrets/db.env.example");
        String gitignore = Repo.read(Repo.file(".gitignore"));
        assertTrue(gitignore.contains("deploy/k8s/overlays/production/secrets/*.env"), ".gitignore must keep secrets/*.env out of git");
        assertNotNull(Repo.read(overlay.resolve("kustomization.yaml")));
    }

    @Test
    void productionRaisesReplicasAndSetsItsOwnAddresses() {
        for (Repo.Stage stage : Repo.STAGES) {
            JsonNode b = named(base, "Deployment", stage.service()).orElseThrow();
            JsonNode p = named(production, "Deployment", stage.service()).orElseThrow();
            assertTrue(p.at("/spec/replicas").asInt() > b.at("/spec/replicas").asInt(1), "production replicas of " + stage.service());
            JsonNode ps = ofKind(production, "ScaledObject").stream()
                    .filter(s -> s.at("/spec/scaleTargetRef/name").asText().equals(stage.service())).findFirst().orElseThrow();
            assertTrue(ps.at("/spec/minReplicaCount").asInt() >= 2, "production keeps two replicas of " + stage.service());
            String image = p.at("/spec/template/spec/containers/0/image").asText();
            assertFalse(image.endsWith("SNAPSHOT"), "production runs a released image, not " + image);
        }
        String baseBootstrap = configMap(base).at("/data/NEWS_KAFKA_BOOTSTRAP").asText();
        String prodBootstrap = configMap(production).at("/data/NEWS_KAFKA_BOOTSTRAP").asText();
        assertFalse(baseBootstrap.equals(prodBootstrap), "production must set its own Kafka bootstrap address");
        for (JsonNode doc : production) {
            assertEquals("newspipe", doc.at("/metadata/namespace").asText(), "namespace of " + doc.at("/metadata/name"));
        }
    }

    @Test
    void dockerImagesAreTheOnesTheDockerfilesBuild() {
        for (Repo.Stage stage : Repo.STAGES) {
            String image = named(base, "Deployment", stage.service()).orElseThrow()
                    .at("/spec/template/spec/containers/0/image").asText();
            assertTrue(image.startsWith("newspipe/" + stage.service() + ":"), "base image of " + stage.service() + ": " + image);
            assertTrue(Files.exists(Repo.file("deploy/docker/" + stage.service() + ".Dockerfile")), "no Dockerfile for " + stage.service());
        }
    }
}
