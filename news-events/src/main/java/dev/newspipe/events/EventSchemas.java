package dev.newspipe.events;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates JSON documents against the published schema of each {@link EventType}. */
public final class EventSchemas {

    /** Prefix of every schema's {@code $id}. */
    public static final String ID_PREFIX = "https://newspipe.dev/schemas/";

    private static final Map<EventType, JsonSchema> SCHEMAS = new EnumMap<>(EventType.class);

    static {
        // Schemas reference each other by their $id; map those ids to the class path so that
        // validation never goes to the network.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:schemas/")));
        for (EventType type : EventType.values()) {
            String name = type.schemaResource().substring("/schemas/".length());
            SCHEMAS.put(type, factory.getSchema(SchemaLocation.of(ID_PREFIX + name)));
        }
    }

    /** Violations of the type's schema, each as "path: message"; empty when the document is valid. */
    public static List<String> violations(EventType type, JsonNode document) {
        return SCHEMAS.get(type).validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    public static List<String> violations(EventType type, byte[] json) {
        try {
            return violations(type, EventJson.mapper().readTree(json));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private EventSchemas() {
    }
}
