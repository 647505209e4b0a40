package dev.newspipe.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The oracle for {@link TextNormalizerEquivalenceTest}: the regular-expression {@link TextNormalizer} that the
 * single-pass version replaced, kept as it was. Its rules are the documented ones; it is slow, not wrong.
 */
final class RegexTextNormalizerReference {

    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\h\\u200B\\uFEFF]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    static String line(String text) {
        if (text == null) {
            return "";
        }
        return HORIZONTAL_SPACE.matcher(plainQuotes(CONTROL.matcher(nfc(text)).replaceAll(" "))).replaceAll(" ")
                .replace('\n', ' ').strip();
    }

    static String paragraphs(String text) {
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

    private RegexTextNormalizerReference() {
    }
}
