package dev.newspipe.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleSubmitted;

/**
 * The AG News CSV ({@code label,title,description}, a header line, fields quoted with doubled quotes
 * inside). Rows are numbered from 1 after the header, which is how gold files refer to them.
 */
public final class AgNewsCsv {

    /**
     * The corpus turned the "&" of numeric entities into a space ("It #39;s" was "It&#39;s"), so the space
     * goes with the entity; it also wrote line breaks as "\".
     */
    private static final Pattern BROKEN_ENTITY = Pattern.compile("[ &]?#(\\d{2,5});");
    /** Code points 145-151 are Windows-1252 punctuation in this corpus, not C1 control characters. */
    private static final String CP1252_145_TO_151 = "\u2018\u2019\u201C\u201D\u2022\u2013\u2014";

    public enum Label {
        WORLD(1), SPORTS(2), BUSINESS(3), SCI_TECH(4);

        final int number;

        Label(int number) {
            this.number = number;
        }

        static Label of(int number) {
            for (Label label : values()) {
                if (label.number == number) {
                    return label;
                }
            }
            throw new IllegalArgumentException("unknown AG News label " + number);
        }

        public String title() {
            return switch (this) {
                case WORLD -> "World";
                case SPORTS -> "Sports";
                case BUSINESS -> "Business";
                case SCI_TECH -> "Sci/Tech";
            };
        }
    }

    public record Row(int number, Label label, String title, String description) {

        /** Headline = title, body = description, with the corpus's encoding damage undone. */
        public ArticleSubmitted toSubmission() {
            return new ArticleSubmitted(null, clean(title), clean(description), "AG News", null, "en", null, null);
        }
    }

    public static List<Row> parse(String csv) {
        List<List<String>> records = records(csv);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != 3) {
                throw new IllegalArgumentException("AG News record " + i + " has " + fields.size() + " fields, not 3");
            }
            rows.add(new Row(rows.size() + 1, Label.of(Integer.parseInt(fields.get(0).strip())), fields.get(1),
                    fields.get(2)));
        }
        return rows;
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> records(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    static String clean(String text) {
        Matcher entity = BROKEN_ENTITY.matcher(text.replace('\\', ' '));
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            int code = Integer.parseInt(entity.group(1));
            String replacement = code >= 145 && code <= 151 ? String.valueOf(CP1252_145_TO_151.charAt(code - 145))
                    : Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : entity.group();
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private AgNewsCsv() {
    }
}
