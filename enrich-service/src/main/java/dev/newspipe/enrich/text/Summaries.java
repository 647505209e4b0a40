package dev.newspipe.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extractive lead summaries: the first real sentences of the body, whole, up to a length. Scraped pages
 * carry debris before and between sentences (datelines, "Updated …", "Follow", "Read more: …", repeated
 * headlines, photo credits), so sentences that look like debris are skipped, and a dateline that opens
 * the first sentence ("OTTAWA: ", "LONDON (Reuters) - ") is dropped from the summary text.
 * Stateless and thread-safe.
 */
public final class Summaries {

    private static final int MAX_SENTENCES = 3;
    private static final int MIN_WORDS = 5;

    private static final Pattern DEBRIS_START = Pattern.compile(
            "(?i)^(read more|short url|follow|updated|update:|last updated|published|share|advertisement|click here"
                    + "|sign up|subscribe|related|similar news|photo:|image:|file photo|watch:|listen:|copyright|\\(c\\)|©)");
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:\\p{Lu}[\\p{Lu}\\p{M}.'’-]*(?:[ ,]+\\p{Lu}[\\p{Lu}\\p{M}.'’-]*)*(?:,\\s*\\p{Lu}[\\p{L}.]*)?)"
                    + "(?:\\s*\\([^)]{1,40}\\))?\\s*(?:[:\u2014\u2013]|--|-)\\s+");
    /** A photo caption ends in a credit such as "(AP)" or "(Reuters/File)". */
    private static final Pattern CREDIT_END = Pattern.compile(
            "\\((?:AP|AFP|Reuters|EPA|Getty|File|Photo|Image|Handout|Supplied|Xinhua|dpa|Anadolu)[^)]{0,40}\\)\\.?$");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "gen", "gov", "sen",
            "rep", "col", "lt", "sgt", "capt", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar",
            "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "approx");

    /**
     * A lead summary of at most {@code maxChars} characters from whole sentences of {@code body}
     * ({@code sentenceSpans}: [start, end) offsets into the body, in order). Empty when no sentence
     * qualifies. A single first sentence longer than the limit is cut at a word and ends in "…".
     */
    public String lead(String body, List<int[]> sentenceSpans, int maxChars) {
        if (body == null || body.isBlank() || maxChars <= 0) {
            return "";
        }
        StringBuilder summary = new StringBuilder();
        int used = 0;
        for (int[] span : sentenceSpans) {
            if (used == MAX_SENTENCES) {
                break;
            }
            int start = Math.max(0, span[0]);
            int end = Math.min(body.length(), span[1]);
            if (end <= start) {
                continue;
            }
            String sentence = body.substring(start, end).strip().replaceAll("\\s+", " ");
            if (used == 0) {
                sentence = dropDateline(sentence);
            }
            if (isDebris(sentence) || creditFollows(body, end)) {
                continue;
            }
            int length = summary.length() + (summary.length() > 0 ? 1 : 0) + sentence.length();
            if (length > maxChars) {
                if (used == 0) {
                    return cut(sentence, maxChars);
                }
                break;
            }
            if (summary.length() > 0) {
                summary.append(' ');
            }
            summary.append(sentence);
            used++;
        }
        return summary.toString();
    }

    /** A caption: the rest of its line is only a photo credit such as "(AP)". */
    private static boolean creditFollows(String body, int end) {
        int newline = body.indexOf('\n', end);
        String rest = body.substring(end, newline < 0 ? body.length() : newline).strip();
        return !rest.isEmpty() && CREDIT_END.matcher(rest).matches();
    }

    static String dropDateline(String sentence) {
        Matcher m = DATELINE.matcher(sentence);
        if (m.find() && m.end() < sentence.length()) {
            String head = sentence.substring(0, m.end());
            // a dateline is a place in capitals, not an all-capital first word of a sentence
            long letters = head.chars().filter(Character::isLetter).count();
            if (letters >= 3 && head.chars().filter(Character::isLowerCase).count() <= letters / 2) {
                return sentence.substring(m.end());
            }
        }
        return sentence;
    }

    /** Too short, no sentence-final mark (a heading or caption), a known debris line, or no lower-case text. */
    static boolean isDebris(String sentence) {
        if (DEBRIS_START.matcher(sentence).find() || CREDIT_END.matcher(sentence).find()) {
            return true;
        }
        int words = sentence.split("\\s+").length;
        if (words < MIN_WORDS) {
            return true;
        }
        char last = sentence.charAt(sentence.length() - 1);
        boolean terminated = last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201D'
                || last == '\u2019' || last == ')' || last == '\'';
        if (!terminated) {
            return true;
        }
        if (sentence.startsWith("\u2022") || sentence.startsWith("* ")) {
            return true;
        }
        return sentence.chars().noneMatch(Character::isLowerCase);
    }

    private static String cut(String sentence, int maxChars) {
        if (maxChars < 2) {
            return "";
        }
        int space = sentence.lastIndexOf(' ', maxChars - 1);
        String head = space > maxChars / 2 ? sentence.substring(0, space) : sentence.substring(0, maxChars - 1);
        return head.stripTrailing() + "\u2026";
    }

    /**
     * A fallback sentence splitter for when no model is at hand: a line break ends a sentence; so does
     * '.', '!' or '?' (with any closing quotes or brackets) before white space and an upper-case letter,
     * digit or opening quote, unless the word before the dot is a known abbreviation or a single initial.
     * Spans are trimmed of white space.
     */
    public static List<int[]> roughSentences(String text) {
        List<int[]> spans = new ArrayList<>();
        if (text == null) {
            return spans;
        }
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(text, start, i, spans);
                start = i + 1;
                continue;
            }
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < n && isCloser(text.charAt(end))) {
                end++;
            }
            if (end < n && !Character.isWhitespace(text.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < n && text.charAt(next) == ' ') {
                next++;
            }
            boolean startsNext = next >= n || text.charAt(next) == '\n' || Character.isUpperCase(text.charAt(next))
                    || Character.isDigit(text.charAt(next)) || isOpener(text.charAt(next));
            if (!startsNext || (c == '.' && abbreviationBefore(text, i))) {
                continue;
            }
            add(text, start, end, spans);
            start = end;
            i = end - 1;
        }
        add(text, start, n, spans);
        return spans;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201D' || c == '\u2019' || c == '\'' || c == ')' || c == ']';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\u201C' || c == '\u2018' || c == '\'' || c == '(' || c == '[';
    }

    private static boolean abbreviationBefore(String text, int dot) {
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        String word = text.substring(from, dot).toLowerCase(Locale.ROOT);
        return word.length() == 1 || ABBREVIATIONS.contains(word);
    }

    private static void add(String text, int start, int end, List<int[]> spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new int[] {start, end});
        }
    }
}
