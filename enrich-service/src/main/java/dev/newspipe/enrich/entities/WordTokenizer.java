package dev.newspipe.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule-based tokenizer for news text, an order of magnitude faster than the statistical one and
 * tuned to what name chunking needs: hyphenated names stay whole ("Amir-Abdollahian"), the possessive
 * "'s" is split off ("Iran's"), initials and known abbreviations keep their dot ("U.S.", "J.", "Mr.").
 * Ideographic characters become one token each so that Latin names inside CJK text are still found.
 */
final class WordTokenizer {

    private static final Set<String> ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen",
            "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Adm", "Prof", "Rev", "Inc", "Corp", "Co", "Ltd", "Bros", "No",
            "Mt", "Ft", "Ave", "vs", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Calif", "Mass", "Fla", "Mich",
            "Tex", "Ariz", "Conn", "Minn", "Wis", "Colo", "Tenn", "Ky", "La", "Okla", "Ala", "Nev");

    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (isIdeographic(c)) {
                tokens.add(token(text, i, i + 1));
                i++;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                tokens.add(token(text, i, i + 1));
                i++;
                continue;
            }
            int start = i;
            int end = wordEnd(text, i, to);
            // "Iran's" / "Russia’s": the possessive is its own token.
            if (end - start > 2 && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '\u2019')
                    && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
                tokens.add(token(text, start, end - 2));
                tokens.add(token(text, end - 2, end));
                i = end;
                continue;
            }
            // Keep the dot of initials ("J.", "U.S.") and of known abbreviations ("Mr.").
            if (end < to && text.charAt(end) == '.') {
                String word = text.substring(start, end);
                boolean initial = end - start == 1 && Character.isUpperCase(text.charAt(start));
                if (initial || ABBREVIATIONS.contains(word)) {
                    end++;
                    // U.S. / U.N. / U.S.A.: letter-dot pairs.
                    while (initial && end + 1 < to && Character.isLetter(text.charAt(end))
                            && text.charAt(end + 1) == '.') {
                        end += 2;
                    }
                }
            }
            tokens.add(token(text, start, end));
            i = end;
        }
        return tokens;
    }

    private static int wordEnd(String text, int i, int to) {
        int end = i;
        while (end < to) {
            char c = text.charAt(end);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                if (isIdeographic(c)) {
                    break;
                }
                end++;
            } else if ((c == '-' || c == '\'' || c == '\u2019' || c == '&' || c == '.' || c == ',')
                    && end + 1 < to && Character.isLetterOrDigit(text.charAt(end + 1)) && end > i) {
                // Inner punctuation joins: "Amir-Abdollahian", "O'Brien", "AT&T", "1,440", "2.5", "Amazon.com".
                if (c == ',' && !(Character.isDigit(text.charAt(end - 1)) && Character.isDigit(text.charAt(end + 1)))) {
                    break;
                }
                if (c == '.' && !(Character.isLowerCase(text.charAt(end + 1)) || Character.isDigit(text.charAt(end + 1)))) {
                    break;
                }
                if (c == '.' && Character.isDigit(text.charAt(end + 1)) != Character.isDigit(text.charAt(end - 1))) {
                    break;
                }
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static Token token(String text, int start, int end) {
        String t = text.substring(start, end);
        return new Token(start, end, t, TextKeys.tokenKey(t));
    }

    static boolean isIdeographic(char c) {
        return Character.isIdeographic(c) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
    }

    private WordTokenizer() {
    }
}
