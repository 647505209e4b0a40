package dev.newspipe.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository under test and the facts the deployment files must agree with. */
final class Repo {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** A stage: its service, HTTP port and the topic it consumes (its scaling signal). */
    record Stage(String name, String service, int port) {
    }

    static final List<Stage> STAGES = List.of(
            new Stage("ingest", "ingest-service", 8081),
            new Stage("enrich", "enrich-service", 8082),
            new Stage("store", "store-service", 8083));

    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("newspipe.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("no deploy/ under " + root + " (set -Dnewspipe.root)");
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a multi-document YAML text (kubectl kustomize output). */
    static List<JsonNode> yamlDocuments(String text) {
        try (YAMLParser parser = new YAMLFactory().createParser(text)) {
            List<JsonNode> docs = new ArrayList<>();
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties applicationProperties(String service) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file(service + "/src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The incoming Kafka channel of a service: topic and consumer group, from its application.properties. */
    static Map.Entry<String, String> incoming(String service) {
        Pattern group = Pattern.compile("mp\\.messaging\\.incoming\\.\"?(.+?)\"?\\.group\\.id");
        for (var e : applicationProperties(service).entrySet()) {
            Matcher m = group.matcher(e.getKey().toString());
            if (m.matches()) {
                return Map.entry(m.group(1), e.getValue().toString());
            }
        }
        throw new AssertionError(service + " has no incoming channel with a group.id");
    }

    /** The options of a service's line in deploy/jvm-options. */
    static List<String> jvmOptions(String service) {
        for (String line : read(file("deploy/jvm-options")).split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length > 1 && words[0].equals(service)) {
                return List.of(words).subList(1, words.length);
            }
        }
        throw new AssertionError("deploy/jvm-options has no line for " + service);
    }

    /** Megabytes of a JVM size option's value such as 96m, 1g, 524288k. */
    static long megabytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        long n = Long.parseLong(size.substring(0, size.length() - (Character.isDigit(unit) ? 0 : 1)));
        return switch (unit) {
            case 'g' -> n * 1024;
            case 'm' -> n;
            case 'k' -> n / 1024;
            default -> n / (1024 * 1024);
        };
    }

    /** Mebibytes of a Kubernetes memory quantity (Mi, Gi, M, G or bytes). */
    static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([KMGT]i?)?").matcher(quantity);
        if (!m.matches()) {
            throw new AssertionError("unreadable memory quantity " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Gi" -> n * 1024;
            case "G" -> n * 1_000_000_000L / (1024 * 1024);
            case "Mi" -> n;
            case "M" -> n * 1_000_000L / (1024 * 1024);
            case "Ki" -> n / 1024;
            case "" -> n / (1024 * 1024);
            default -> throw new AssertionError("unexpected memory unit in " + quantity);
        };
    }
}
