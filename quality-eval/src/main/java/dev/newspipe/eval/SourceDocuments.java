package dev.newspipe.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.ingest.ArticleIngestor;
import dev.newspipe.ingest.NinjsArticle;
import dev.newspipe.ingest.ScrapedPage;

/**
 * Turns texts in the shared directory into {@link ArticleIngested} events the way ingest-service does:
 * scraped pages through {@link ScrapedPage}, ninjs items through {@link NinjsArticle}, AG News rows as
 * headline = title and body = description, each then through the ingest normalization
 * ({@link ArticleIngestor}). Gold mention offsets only make sense against exactly these bodies.
 */
public final class SourceDocuments {

    /** The service's default (news.ingest.min-body-length): shorter bodies are rejected at intake. */
    static final int MIN_BODY_LENGTH = 20;
    /** Intake path recorded on the events: seed pages and ninjs items would arrive by HTTP. */
    private static final String INTAKE_PATH = "http";

    /**
     * Stateless, so one serves every caller. Generous future skew: publication dates are historical facts, not
     * checks under test here.
     */
    private static final ArticleIngestor INTAKE = new ArticleIngestor(MIN_BODY_LENGTH, Duration.ofDays(36500), Clock.systemUTC());

    private final Path sharedDir;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Path, List<AgNewsCsv.Row>> agNewsFiles = new ConcurrentHashMap<>();

    public SourceDocuments(Path sharedDir) {
        this.sharedDir = sharedDir;
    }

    public Path sharedDir() {
        return sharedDir;
    }

    /**
     * The document a gold file refers to: {@code source} is a path relative to the shared directory;
     * {@code story} (1-based) selects a story of a scraped page, {@code row} (1-based, header excluded) a
     * row of the AG News CSV.
     */
    public ArticleIngested load(String source, Integer story, Integer row) {
        Path file = sharedDir.resolve(source);
        if (source.endsWith(".csv")) {
            if (row == null) {
                throw new IllegalArgumentException(source + ": a CSV source needs a row");
            }
            return ingest(agNewsRow(file, row).toSubmission());
        }
        if (source.endsWith(".json")) {
            try {
                return ingest(NinjsArticle.toArticle(json.readTree(file.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        List<ArticleIngested> stories = pageStories(file);
        int index = story == null ? 1 : story;
        if (index < 1 || index > stories.size()) {
            throw new IllegalArgumentException(source + " has " + stories.size() + " stories, not story " + index);
        }
        return stories.get(index - 1);
    }

    /** Every story of a scraped page, in page order. */
    public List<ArticleIngested> pageStories(Path page) {
        return ScrapedPage.parse(read(page)).stream().map(this::ingest).toList();
    }

    public AgNewsCsv.Row agNewsRow(Path file, int row) {
        List<AgNewsCsv.Row> rows = agNewsRows(file);
        if (row < 1 || row > rows.size()) {
            throw new IllegalArgumentException(file + " has " + rows.size() + " rows, not row " + row);
        }
        return rows.get(row - 1);
    }

    public List<AgNewsCsv.Row> agNewsRows(Path file) {
        return agNewsFiles.computeIfAbsent(file, f -> AgNewsCsv.parse(read(f)));
    }

    public ArticleIngested ingest(ArticleSubmitted submitted) {
        return INTAKE.ingest(submitted, INTAKE_PATH);
    }

    /**
     * A headline and body submitted in English from a named corpus (the CoNLL articles, the invented items, the
     * topic model's training items), through the same intake.
     */
    public static ArticleIngested ingestEnglish(String headline, String body, String source) {
        return INTAKE.ingest(new ArticleSubmitted(null, headline, body, source, null, "en", null, null), INTAKE_PATH);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
