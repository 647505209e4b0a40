package dev.newspipe.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleSubmitted;

/**
 * The plain text of a scraped news page turned into articles. Like {@link PlainTextArticle}, a story's
 * first line is its headline and every further non-empty line a paragraph; on top of that, the widget
 * debris a scraper picks up is dropped (share labels, datelines, "Read more" links, photo captions, summary
 * bullets that repeat the body, link-list footers), a dateline's date becomes publishedAt, and a page that
 * carries several stories is split into one article each. Values stay raw: {@link ArticleIngestor}
 * normalizes them.
 */
public final class ScrapedPage {

    /** Standalone widget labels, dropped wherever they appear (compared by {@link #key}). */
    private static final Set<String> LABELS = Set.of("short url", "follow", "share", "print", "advertisement",
            "similar news", "related", "related news", "related articles", "read more", "more news", "see also",
            "recommended");

    /** Labels that head a list of links to other stories at the foot of a page. */
    private static final Set<String> FOOTER_HEADINGS = Set.of("similar news", "related", "related news",
            "related articles", "read more", "more news", "see also", "recommended");

    /** Labels of a story header, the block between a headline and its body (with datelines). */
    private static final Set<String> HEADER_LABELS = Set.of("short url", "follow", "share");

    /** A link to another story, such as "Read more: Other headline". */
    private static final Pattern LINK_LINE = Pattern.compile(
            "(?:read more|read also|also read|see also|related(?: news| articles?| stories)?|recommended)\\s*[:>»|].*",
            Pattern.CASE_INSENSITIVE);

    /** "Updated 27 October 2022", "Update: 2023-08-17 05:09 GMT", "Published 3 hours ago", ... */
    private static final Pattern DATELINE = Pattern.compile(
            "(?:last\\s+)?(?:updated?|published|posted)\\b\\s*:?\\s*(.*\\d.*)", Pattern.CASE_INSENSITIVE);

    /** What a dateline may hold after its label: numbers and date words only, so prose is never a dateline. */
    private static final Pattern DATE_WORD = Pattern.compile("\\d.*|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|"
            + "june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|"
            + "wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|[ap]m|at|on|ago|mins?|minutes?|secs?|"
            + "seconds?|hours?|hrs?|[hms]|days?|weeks?|months?|years?|gmt|utc|z|est|edt|cst|cdt|pst|pdt|bst|cet|"
            + "cest|ist|ast|jst|kst|msk|wib", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_SEPARATORS = Pattern.compile("[\\s,.:/+\\-–()]+");

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?m\\b\\.?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile(
            "\\s*(?:(?:gmt|utc)\\s*)?([+-])(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE);
    /** A zone given by an abbreviation we cannot resolve reliably: only the date is trusted then. */
    private static final Pattern OTHER_ZONE = Pattern.compile(
            "\\b(?:est|edt|cst|cdt|pst|pdt|bst|cet|cest|ist|ast|jst|kst|msk|wib)\\b", Pattern.CASE_INSENSITIVE);

    /** A photo credit closing a caption: "(AP)", "(AFP via Getty Images)", "(Photo: ...)", "(Reuters/File)". */
    private static final Pattern CREDIT_AT_END = Pattern.compile(".*\\((?:ap|afp|reuters|getty(?: images)?|epa|aap|"
            + "ani|pti|upi|dpa|xinhua|anadolu|bloomberg|shutterstock|yonhap|kyodo|bernama|antara|spa|wam|ap photo|"
            + "file|supplied|(?:photo|image|picture|credit|courtesy)\\b[^()]*)(?:\\s*(?:/|via)\\s*[^()]*)?\\)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT_AT_START = Pattern.compile(
            "(?:photo|image|picture|photograph|credit)\\s*:.*|file (?:photo|picture|image)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BULLET = Pattern.compile("(?:[•·▪●◦‣]\\s*|[-*–]\\s+)(.*)");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"'”’)]*");
    private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\h\\u200B\\uFEFF]+|[\\s\\h\\u200B\\uFEFF]+$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** How far a new story's header may sit below its headline: photo-caption lines in between. */
    private static final int MAX_CAPTION_LINES = 2;
    /** A footer link is a short line that does not end like a sentence. */
    private static final int MAX_LINK_WORDS = 20;
    /** A bullet repeats a paragraph when this share of its words occurs there (bullets are often trimmed). */
    private static final double BULLET_OVERLAP = 0.8;
    private static final int MIN_OVERLAP_WORDS = 5;

    public static List<ArticleSubmitted> parse(String text) {
        List<String> lines = nonEmptyLines(text);
        List<Integer> starts = storyStarts(lines);
        List<ArticleSubmitted> articles = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int end = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
            ArticleSubmitted article = story(lines.subList(starts.get(s), end));
            if (article != null) {
                articles.add(article);
            }
        }
        return articles;
    }

    /**
     * Index of each story's headline. Besides the first line, a line starts a story when a story header
     * (header labels or datelines, after at most a caption or two) follows it and then either the same
     * headline repeated or the body; two header lines are required in the latter case so that one stray
     * dateline after a paragraph does not split a story.
     */
    private static List<Integer> storyStarts(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        if (!lines.isEmpty()) {
            starts.add(0);
        }
        for (int i = 1; i < lines.size(); i++) {
            if (isDebris(lines.get(i))) {
                continue;
            }
            int next = i + 1;
            while (next < lines.size() && next <= i + MAX_CAPTION_LINES && isCaption(lines.get(next))) {
                next++;
            }
            int headerLines = 0;
            while (next < lines.size() && isHeaderLine(lines.get(next))) {
                headerLines++;
                next++;
            }
            boolean headlineRepeated = next < lines.size() && key(lines.get(next)).equals(key(lines.get(i)));
            if (headerLines > 0 && (headlineRepeated || headerLines >= 2 && next < lines.size())) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** One story's lines to an article, or null when it holds nothing but header debris. */
    private static ArticleSubmitted story(List<String> lines) {
        String publishedAt = null;
        int headlineIndex = 0;
        while (headlineIndex < lines.size() && isHeaderLine(lines.get(headlineIndex))) {
            publishedAt = firstNonNull(publishedAt, datelineDate(lines.get(headlineIndex++)));
        }
        if (headlineIndex == lines.size()) {
            return null;
        }
        String headline = lines.get(headlineIndex);
        String headlineKey = key(headline);
        List<String> kept = new ArrayList<>();
        for (String line : withoutLinkFooter(lines.subList(headlineIndex + 1, lines.size()))) {
            if (isDateline(line)) {
                publishedAt = firstNonNull(publishedAt, datelineDate(line));
            } else if (!isLabel(line) && !isLinkLine(line) && !isCaption(line) && !key(line).equals(headlineKey)) {
                kept.add(line);
            }
        }
        List<Set<String>> paragraphWords = new ArrayList<>();
        List<String> paragraphKeys = new ArrayList<>();
        for (String line : kept) {
            if (bulletText(line) == null) {
                paragraphKeys.add(key(line));
                paragraphWords.add(new HashSet<>(Arrays.asList(key(line).split(" "))));
            }
        }
        List<String> body = new ArrayList<>();
        for (String line : kept) {
            String bullet = bulletText(line);
            if (bullet == null || !repeatsParagraph(key(bullet), paragraphKeys, paragraphWords)) {
                body.add(line);
            }
        }
        return new ArticleSubmitted(null, headline, String.join("\n\n", body), null, publishedAt, null, null, null);
    }

    /** Cuts a trailing "Similar News" / "Related" / "Read more" block when all that follows are link lines. */
    private static List<String> withoutLinkFooter(List<String> lines) {
        for (int heading = 0; heading < lines.size(); heading++) {
            if (FOOTER_HEADINGS.contains(key(lines.get(heading)))
                    && lines.subList(heading + 1, lines.size()).stream().allMatch(ScrapedPage::isLinkLike)) {
                return lines.subList(0, heading);
            }
        }
        return lines;
    }

    private static boolean isLinkLike(String line) {
        return isLinkLine(line)
                || !SENTENCE_END.matcher(line).matches() && key(line).split(" ").length <= MAX_LINK_WORDS;
    }

    /** A summary bullet is dropped when its text is inside, or mostly overlaps, one of the body paragraphs. */
    private static boolean repeatsParagraph(String bulletKey, List<String> paragraphKeys,
            List<Set<String>> paragraphWords) {
        if (bulletKey.isEmpty()) {
            return true;
        }
        Set<String> bulletWords = new HashSet<>(Arrays.asList(bulletKey.split(" ")));
        for (int p = 0; p < paragraphKeys.size(); p++) {
            if ((" " + paragraphKeys.get(p) + " ").contains(" " + bulletKey + " ")) {
                return true;
            }
            Set<String> words = paragraphWords.get(p);
            long shared = bulletWords.stream().filter(words::contains).count();
            if (bulletWords.size() >= MIN_OVERLAP_WORDS && shared >= BULLET_OVERLAP * bulletWords.size()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDebris(String line) {
        return isHeaderLine(line) || isLabel(line) || isLinkLine(line) || isCaption(line) || bulletText(line) != null;
    }

    private static boolean isHeaderLine(String line) {
        return HEADER_LABELS.contains(key(line)) || isDateline(line);
    }

    private static boolean isLabel(String line) {
        return LABELS.contains(key(line));
    }

    private static boolean isLinkLine(String line) {
        return LINK_LINE.matcher(line).matches();
    }

    private static boolean isCaption(String line) {
        return CREDIT_AT_END.matcher(line).matches() || CREDIT_AT_START.matcher(line).matches();
    }

    /** The text of a bullet line, or null when the line is no bullet. */
    private static String bulletText(String line) {
        Matcher bullet = BULLET.matcher(line);
        return bullet.matches() ? bullet.group(1) : null;
    }

    private static boolean isDateline(String line) {
        Matcher dateline = DATELINE.matcher(line);
        return dateline.matches() && Arrays.stream(DATE_SEPARATORS.split(dateline.group(1).strip()))
                .allMatch(word -> word.isEmpty() || DATE_WORD.matcher(word).matches());
    }

    /** A dateline's date as an ISO-8601 instant (UTC unless an offset is given), or null for "3 min ago". */
    private static String datelineDate(String line) {
        if (!isDateline(line)) {
            return null;
        }
        try {
            LocalDate date;
            Matcher m;
            if ((m = ISO_DATE.matcher(line)).find()) {
                date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            } else if ((m = DAY_MONTH_YEAR.matcher(line)).find()) {
                date = LocalDate.of(number(m, 3), month(m.group(2)), number(m, 1));
            } else if ((m = MONTH_DAY_YEAR.matcher(line)).find()) {
                date = LocalDate.of(number(m, 3), month(m.group(1)), number(m, 2));
            } else {
                return null;
            }
            Matcher time = TIME.matcher(line);
            if (!time.find() || OTHER_ZONE.matcher(line).find()) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            }
            int hour = number(time, 1) % 12 == 0 && time.group(4) != null ? 0 : number(time, 1);
            if ("p".equalsIgnoreCase(time.group(4))) {
                hour += 12;
            }
            LocalTime clock = LocalTime.of(hour, number(time, 2), time.group(3) == null ? 0 : number(time, 3));
            Matcher offset = OFFSET.matcher(line).region(time.end(), line.length());
            ZoneOffset zone = ZoneOffset.UTC;
            if (offset.lookingAt()) {
                int sign = offset.group(1).equals("-") ? -1 : 1;
                zone = ZoneOffset.ofHoursMinutes(sign * number(offset, 2),
                        sign * (offset.group(3) == null ? 0 : number(offset, 3)));
            }
            return date.atTime(clock).atOffset(zone).toInstant().toString();
        } catch (DateTimeException impossibleDate) {
            return null;
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) / 3 + 1;
    }

    /** Comparison form of a line: normalized, lower case, words separated by single spaces. */
    private static String key(String line) {
        return NOT_WORD.matcher(TextNormalizer.line(line).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static List<String> nonEmptyLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String stripped = EDGE_SPACE.matcher(line).replaceAll("");
                if (!stripped.isEmpty()) {
                    lines.add(stripped);
                }
            }
        }
        return lines;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private ScrapedPage() {
    }
}
