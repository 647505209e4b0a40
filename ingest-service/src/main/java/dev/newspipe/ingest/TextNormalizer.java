package dev.newspipe.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Unicode and whitespace normalization of article text. Paragraphs are separated by one blank line. */
public final class TextNormalizer {

    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\h\\u200B\\uFEFF]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    /** A single line: NFC, typographic quotes made plain, runs of space collapsed, trimmed. */
    public static String line(String text) {
        if (text == null) {
            return "";
        }
        return HORIZONTAL_SPACE.matcher(plainQuotes(CONTROL.matcher(nfc(text)).replaceAll(" "))).replaceAll(" ")
                .replace('\n', ' ').strip();
    }

    /** Multi-line text: each line normalized, paragraphs (non-empty lines) joined by a blank line. */
    public static String paragraphs(String text) {
        if (text == null) {
            return "";
        }
        String unified = nfc(text).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        for (String paragraph : BLANK_LINES.matcher(unified).replaceAll("\n").split("\n")) {
            String normalized = line(paragraph);
            if (!normalized.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(normalized);
            }
        }
        return out.toString();
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String plainQuotes(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'')
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"');
    }

    private TextNormalizer() {
    }
}
