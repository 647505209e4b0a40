package dev.newspipe.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.MediaTopics;

/**
 * The validated parameters of {@code GET /articles}. Construction fails with a {@link BadParameterException}
 * naming the parameter; every value reaches SQL as a bind parameter.
 */
public record ArticleQuery(String q, String entity, EntityType type, String topic, String source, String language,
        Instant from, Instant to, int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Position after the last result of a page: its sort time and id. */
    public record Cursor(Instant sortAt, String id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((sortAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static class BadParameterException extends RuntimeException {
        private final String parameter;

        public BadParameterException(String parameter, String reason) {
            super(parameter + ": " + reason);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    public static ArticleQuery parse(String q, String entity, String type, String topic, String source, String language,
            String from, String to, String limit, String cursor) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new BadParameterException("from", "is after 'to'");
        }
        return new ArticleQuery(blankToNull(q), blankToNull(entity), entityType(type), topic(topic), blankToNull(source),
                language(language), fromInstant, toInstant, limit(limit), cursor(cursor));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static EntityType entityType(String type) {
        if (blankToNull(type) == null) {
            return null;
        }
        try {
            return EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("type", "'" + type + "' is not one of PERSON, ORGANIZATION, LOCATION, EVENT, PRODUCT, MISC");
        }
    }

    private static String topic(String topic) {
        String code = blankToNull(topic);
        if (code == null) {
            return null;
        }
        if (!code.startsWith("medtop:")) {
            code = "medtop:" + code;
        }
        if (!MediaTopics.exists(code)) {
            throw new BadParameterException("topic", "'" + topic + "' is not an IPTC Media Topic code such as medtop:16000000");
        }
        return code;
    }

    private static String language(String language) {
        String code = blankToNull(language);
        if (code == null) {
            return null;
        }
        if (!code.matches("[A-Za-z]{2}")) {
            throw new BadParameterException("language", "'" + language + "' is not an ISO 639-1 code such as en");
        }
        return code.toLowerCase(Locale.ROOT);
    }

    private static Instant instant(String name, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new BadParameterException(name, "'" + value + "' is not an ISO-8601 date or date-time");
            }
        }
    }

    private static int limit(String limit) {
        if (blankToNull(limit) == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException("limit", "'" + limit + "' is not a whole number");
        }
        if (value < 1) {
            throw new BadParameterException("limit", "must be at least 1");
        }
        return Math.min(value, MAX_LIMIT);
    }

    private static Cursor cursor(String cursor) {
        if (blankToNull(cursor) == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new BadParameterException("cursor", "not a cursor this API returned");
        }
    }
}
