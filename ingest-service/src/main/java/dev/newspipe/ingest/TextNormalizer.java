package dev.newspipe.ingest;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Unicode and whitespace normalization of article text. Paragraphs are separated by one blank line.
 *
 * <p>One pass over the characters rather than a chain of regular expressions: this runs on every article
 * body and was most of ingest's CPU time. The rules, per character after NFC:
 * <ul>
 * <li>horizontal space ({@code \h} of {@link java.util.regex.Pattern}), U+200B, U+FEFF and control characters
 * other than the line feed: a run of them becomes one space;</li>
 * <li>typographic single and double quotes (U+2018, U+2019, U+201A; U+201C, U+201D, U+201E) become plain;</li>
 * <li>in a single {@link #line}, a line feed becomes a space of its own (it does not merge with a run of space);</li>
 * <li>the result is stripped as by {@link String#strip()}.</li>
 * </ul>
 * {@code TextNormalizerEquivalenceTest} checks this against the earlier regular-expression version.
 */
public final class TextNormalizer {

    /** A single line: NFC, typographic quotes made plain, runs of space collapsed, trimmed. */
    public static String line(String text) {
        if (text == null) {
            return "";
        }
        String source = nfc(text);
        Output out = new Output(source.length());
        out.appendLine(source, 0, source.length(), false);
        return out.toString();
    }

    /** Multi-line text: each line normalized, paragraphs (non-empty lines) joined by a blank line. */
    public static String paragraphs(String text) {
        if (text == null) {
            return "";
        }
        // Read in place: a char array copy of the body was a tenth of what ingest allocates per article.
        String source = nfc(text);
        int length = source.length();
        // A separator is two characters for a line break of one: a little room, and Output grows beyond it.
        Output out = new Output(length + 16);
        int start = 0;
        while (start <= length) {
            int end = start;
            while (end < length && !isLineBreak(source.charAt(end))) {
                end++;
            }
            // CR LF gives an empty line between CR and LF, and empty lines are dropped: no need to pair them.
            out.appendLine(source, start, end, true);
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * The normalized text so far, in a char array: cheaper per character than a StringBuilder, and this loop
     * handles every character of every article.
     */
    private static final class Output {
        private char[] chars;
        private int length;

        Output(int capacity) {
            chars = new char[capacity];
        }

        /**
         * Appends the normalized form of {@code source[from, to)}: nothing when it is blank. With
         * {@code separate}, a non-blank line after earlier text is preceded by a blank line.
         */
        void appendLine(String source, int from, int to, boolean separate) {
            // strip() at the start: whatever stands for whitespace there leaves nothing in the output
            while (from < to && Character.isWhitespace(plain(source.charAt(from)))) {
                from++;
            }
            if (from == to) {
                return;
            }
            boolean separated = separate && length > 0;
            int needed = length + (separated ? 2 : 0) + (to - from);
            if (needed > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
            }
            char[] out = chars;
            int n = length;
            if (separated) {
                out[n++] = '\n';
                out[n++] = '\n';
            }
            // Every character is written; the second and later of a run of space are overwritten by the next.
            // No branch on the character here: spaces between words would make it mispredicted.
            boolean afterSpace = false;
            for (int i = from; i < to; i++) {
                char c = source.charAt(i);
                char plain = plain(c);
                boolean space = plain == ' ' && c != '\n';
                out[n] = plain;
                n += space & afterSpace ? 0 : 1;
                afterSpace = space;
            }
            // strip() at the end; the first character written is not whitespace, so this stops there
            while (Character.isWhitespace(out[n - 1])) {
                n--;
            }
            length = n;
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /**
     * What a character becomes, before runs of space are collapsed: a space for horizontal space (as
     * {@code \h} of {@link java.util.regex.Pattern} matches it), U+200B, U+FEFF and control characters
     * (category Cc, the line feed included); a plain quote for a typographic one; otherwise itself.
     */
    private static char plain(char c) {
        if (c >= ' ' && c < '\u007F') {
            return c; // printable ASCII, the space included: most of any text, so tested first
        }
        if (c <= '\u009F' || isHorizontalSpace(c)) {
            return ' '; // below U+0020 and U+007F to U+009F: the control characters
        }
        return switch (c) {
            case '\u2018', '\u2019', '\u201A' -> '\'';
            case '\u201C', '\u201D', '\u201E' -> '"';
            default -> c;
        };
    }

    /** Horizontal space as {@code \h} of {@link java.util.regex.Pattern} matches it, the zero-width space and BOM. */
    static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c >= '\u2000' && c <= '\u200B' || c == '\u1680' || c == '\u180E'
                || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    private static String nfc(String text) {
        return isBelowCombiningMarks(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Text made only of characters below U+0300 is in NFC: each of them passes NFC's quick check and has
     * combining class 0 (combining marks start at U+0300). A cheaper answer than the normalizer's for most
     * articles.
     */
    private static boolean isBelowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    private TextNormalizer() {
    }
}
