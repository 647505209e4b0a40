package dev.newspipe.enrich.entities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lookup keys that make spelling variants meet: lower case, diacritics folded, dots dropped and
 * hyphens read as spaces, so "U.S." and "US", "Erdoğan" and "Erdogan", "Amir-Abdollahian" and
 * "Amir Abdollahian" share a key.
 */
final class TextKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static String tokenKey(String token) {
        String folded = token;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) > 0x7f) {
                folded = MARKS.matcher(Normalizer.normalize(token, Normalizer.Form.NFD)).replaceAll("");
                break;
            }
        }
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '.') {
                continue;
            }
            if (c == '-' || c == '\u2010' || c == '\u2011') {
                key.append(' ');
            } else if (c == '\u2019' || c == '`') {
                key.append('\'');
            } else {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private TextKeys() {
    }
}
