package dev.newspipe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;

/**
 * Varied articles of about 600 words for benchmarks. Paragraph pool: the project's own sample articles
 * and, when ../shared is beside the project, the AG News test items (real news text, read at run time
 * and never stored). Each article draws a headline and a different mix of paragraphs, so no text
 * repeats as a whole.
 */
public final class Corpus {

    static final int DEFAULT_WORDS = 600;
    private static final Pattern CSV_FIELD = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

    private final List<String> headlines = new ArrayList<>();
    private final List<String> paragraphs = new ArrayList<>();
    private final Random random;
    private final int targetWords;

    public final String description;

    private Corpus(long seed, int targetWords, String description) {
        this.random = new Random(seed);
        this.targetWords = targetWords;
        this.description = description;
    }

    public static Corpus load(Path projectRoot, Path shared, long seed) {
        return load(projectRoot, shared, seed, DEFAULT_WORDS);
    }

    /** Articles of at least {@code targetWords} words (one paragraph when that is fewer than a paragraph). */
    public static Corpus load(Path projectRoot, Path shared, long seed, int targetWords) {
        try {
            Path agNews = shared == null ? null : shared.resolve("data/eval/agnews-test.csv");
            boolean withAgNews = agNews != null && Files.isRegularFile(agNews);
            Corpus corpus = new Corpus(seed, targetWords, withAgNews ? "project samples + AG News test items (../shared)"
                    : "project samples only (../shared not found)");
            try (var samples = Files.list(projectRoot.resolve("deploy/local/samples"))) {
                for (Path sample : samples.sorted().toList()) {
                    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank()).toList();
                    corpus.headlines.add(lines.get(0));
                    corpus.paragraphs.addAll(lines.subList(1, lines.size()));
                }
            }
            if (withAgNews) {
                for (String line : Files.readAllLines(agNews, StandardCharsets.UTF_8)) {
                    var m = CSV_FIELD.matcher(line);
                    List<String> fields = new ArrayList<>();
                    while (m.find()) {
                        fields.add(m.group(1).replace("\"\"", "\"").replace("\\\\", " ").replace("\\", " ").strip());
                    }
                    if (fields.size() == 3 && fields.get(2).split(" ").length >= 15) {
                        corpus.headlines.add(fields.get(1));
                        corpus.paragraphs.add(fields.get(2));
                    }
                }
            }
            return corpus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new article as a client would submit it: headline, body of about the target length, source, URL, date. */
    public synchronized ArticleSubmitted nextSubmission(int sequence) {
        String headline = headlines.get(random.nextInt(headlines.size()));
        StringBuilder body = new StringBuilder();
        int words = 0;
        while (words < targetWords) {
            String paragraph = paragraphs.get(random.nextInt(paragraphs.size()));
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(paragraph);
            words += paragraph.split("\\s+").length;
        }
        Instant published = Instant.now().minus(random.nextInt(30 * 24 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String source = "bench-" + (sequence % 40) + ".example";
        return new ArticleSubmitted("https://" + source + "/news/" + sequence + "-" + Long.toHexString(random.nextLong()),
                headline, body.toString(), source, published.toString(), null, null, null);
    }

    /** The same article as ingest would emit it (the benchmark's own id; normalization is not measured here). */
    public ArticleIngested nextIngested(int sequence) {
        ArticleSubmitted s = nextSubmission(sequence);
        String id;
        synchronized (this) {
            id = String.format("%016x%016x", sequence, random.nextLong());
        }
        return new ArticleIngested(id, 1, s.url(), s.headline(), s.body(), s.source(), Instant.parse(s.publishedAt()), "en",
                List.of(), null, id, "bench", Instant.now(), null);
    }
}
