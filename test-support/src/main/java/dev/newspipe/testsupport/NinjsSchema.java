package dev.newspipe.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The official IPTC ninjs 3.1 JSON Schema from ../shared/data/ninjs, read at run time. Its GeoJSON
 * reference is mapped to the local copy, so validation never goes to the network.
 */
public final class NinjsSchema {

    /** Violations of ninjs 3.1, or empty when the schema is not available here. */
    public static Optional<List<String>> violations(JsonNode document) {
        Optional<Path> dir = SharedData.find("data/ninjs");
        if (dir.isEmpty() || !Files.isRegularFile(dir.get().resolve("ninjs-schema_3.1.json"))) {
            return Optional.empty();
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mappings(Map.of(
                        "https://geojson.org/schema/GeoJSON.json", dir.get().resolve("GeoJSON-schema.json").toUri().toString()))));
        try (InputStream in = Files.newInputStream(dir.get().resolve("ninjs-schema_3.1.json"))) {
            JsonSchema schema = factory.getSchema(in);
            return Optional.of(schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NinjsSchema() {
    }
}
