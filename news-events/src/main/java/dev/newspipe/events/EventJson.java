package dev.newspipe.events;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the event contract: ISO-8601 timestamps, absent instead of null fields,
 * unknown fields ignored so that consumers keep working when a compatible field is added.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = strictText(new ObjectMapper())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** A number or boolean where the contract says string is an error, not silently "42". */
    private static ObjectMapper strictText(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The shared mapper; configured once, thread-safe for reading and writing. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses an event. Jackson's byte parser rejects malformed UTF-8, so invalid text fails here too.
     *
     * @throws EventFormatException with a message that says what is wrong
     */
    public static <T> T fromBytes(byte[] data, Class<T> type) {
        if (data == null || data.length == 0) {
            throw new EventFormatException("empty record value, expected a " + type.getSimpleName() + " JSON object");
        }
        try {
            T value = MAPPER.readValue(data, type);
            if (value == null) {
                throw new EventFormatException("JSON null, expected a " + type.getSimpleName() + " JSON object");
            }
            return value;
        } catch (IOException e) {
            throw new EventFormatException("not a valid " + type.getSimpleName() + " JSON document: "
                    + firstLine(e), e);
        }
    }

    private static String firstLine(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
                ? jpe.getOriginalMessage() + " at " + locationOf(jpe)
                : String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String locationOf(com.fasterxml.jackson.core.JsonProcessingException e) {
        var location = e.getLocation();
        return location == null ? "unknown position" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private EventJson() {
    }
}
