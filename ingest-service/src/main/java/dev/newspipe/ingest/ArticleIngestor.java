package dev.newspipe.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;

/**
 * Turns a submission into a normalized, identified {@link ArticleIngested} event, or rejects it with
 * an {@link InvalidArticleException} naming the field. Plain logic: every intake path calls it.
 */
public class ArticleIngestor {

    /** A two-letter language with an optional region or variant, lower-cased: compiled once, not per article. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2}([-_][a-z0-9]+)?");

    private final int minBodyLength;
    private final Duration maxFutureSkew;
    private final Clock clock;

    public ArticleIngestor(int minBodyLength, Duration maxFutureSkew, Clock clock) {
        this.minBodyLength = minBodyLength;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    public ArticleIngested ingest(ArticleSubmitted submitted, String intakePath) {
        if (submitted == null) {
            throw new InvalidArticleException("article", "missing");
        }
        String headline = TextNormalizer.line(submitted.headline());
        if (headline.isEmpty()) {
            throw new InvalidArticleException("headline", "is missing or empty");
        }
        String rawBody = submitted.body();
        String body = TextNormalizer.paragraphs(rawBody != null && HtmlText.looksLikeHtml(rawBody) ? HtmlText.toText(rawBody) : rawBody);
        if (body.isEmpty()) {
            throw new InvalidArticleException("body", "is missing or empty");
        }
        if (body.length() < minBodyLength) {
            throw new InvalidArticleException("body", "has " + body.length() + " characters, fewer than the minimum of "
                    + minBodyLength);
        }
        String url = isBlank(submitted.url()) ? null : ArticleIdentity.canonicalUrl(submitted.url());
        Instant now = clock.instant();
        Instant publishedAt = isBlank(submitted.publishedAt()) ? null : parseDate(submitted.publishedAt(), now);
        String contentHash = ArticleIdentity.contentHash(headline, body);
        return new ArticleIngested(
                ArticleIdentity.articleId(url, contentHash),
                1,
                url,
                headline,
                body,
                sourceOf(submitted.source(), url),
                publishedAt,
                languageHint(submitted.language()),
                authors(submitted.authors()),
                isBlank(submitted.externalId()) ? null : submitted.externalId().strip(),
                contentHash,
                intakePath,
                now,
                submitted);
    }

    /** The same article as another revision of its URL. */
    static ArticleIngested withRevision(ArticleIngested a, int revision) {
        return revision == a.revision() ? a : new ArticleIngested(a.id(), revision, a.url(), a.headline(), a.body(),
                a.source(), a.publishedAt(), a.language(), a.authors(), a.externalId(), a.contentHash(), a.intakePath(),
                a.ingestedAt(), a.raw());
    }

    private Instant parseDate(String text, Instant now) {
        String value = text.strip();
        Instant instant = commonDateTime(value);
        try {
            if (instant == null) {
                instant = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeException notOffsetDateTime) {
            try {
                instant = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notDate) {
                throw new InvalidArticleException("publishedAt",
                        "'" + value + "' is not an ISO-8601 date-time such as 2024-05-01T09:30:00Z");
            }
        }
        if (instant.isAfter(now.plus(maxFutureSkew))) {
            throw new InvalidArticleException("publishedAt", "'" + value + "' lies in the future");
        }
        return instant;
    }

    /**
     * The form nearly every producer sends, "2024-05-01T09:30:00Z", with an optional fraction and a numeric
     * offset instead of Z, read directly: the general ISO parser cost a few percent of ingest's CPU. Null for
     * anything else, and for values that name no real time (the general parser then decides and explains);
     * where it answers, it answers as {@code OffsetDateTime.parse(value).toInstant()} would.
     */
    static Instant commonDateTime(String v) {
        int n = v.length();
        if (n < 20 || !digits(v, 0, 4) || v.charAt(4) != '-' || !digits(v, 5, 7) || v.charAt(7) != '-' || !digits(v, 8, 10)
                || v.charAt(10) != 'T' || !digits(v, 11, 13) || v.charAt(13) != ':' || !digits(v, 14, 16)
                || v.charAt(16) != ':' || !digits(v, 17, 19)) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (v.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 9 && isDigit(v.charAt(at))) {
                at++;
            }
            if (at == start) {
                return null;
            }
            nanos = Integer.parseInt(v, start, at, 10);
            for (int k = at - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == n - 1 && v.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == n - 6 && (v.charAt(at) == '+' || v.charAt(at) == '-') && digits(v, at + 1, at + 3)
                && v.charAt(at + 3) == ':' && digits(v, at + 4, at + 6)) {
            int sign = v.charAt(at) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * number(v, at + 1, at + 3), sign * number(v, at + 4, at + 6));
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10), number(v, 11, 13),
                    number(v, 14, 16), number(v, 17, 19), nanos, offset).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String v, int from, int to) {
        return Integer.parseInt(v, from, to, 10);
    }

    private static String sourceOf(String source, String canonicalUrl) {
        String named = TextNormalizer.line(source);
        if (!named.isEmpty()) {
            return named;
        }
        if (canonicalUrl != null) {
            String host = URI.create(canonicalUrl).getHost();
            return host.startsWith("www.") ? host.substring(4) : host;
        }
        return null;
    }

    private static String languageHint(String language) {
        String hint = TextNormalizer.line(language).toLowerCase(Locale.ROOT);
        if (hint.isEmpty()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(hint).matches()) {
            throw new InvalidArticleException("language", "'" + language + "' is not an ISO 639-1 code such as en");
        }
        return hint.substring(0, 2);
    }

    private static List<String> authors(List<String> authors) {
        if (authors == null) {
            return null;
        }
        List<String> names = authors.stream().map(TextNormalizer::line).filter(s -> !s.isEmpty()).distinct().toList();
        return names.isEmpty() ? null : names;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
