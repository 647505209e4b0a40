package dev.newspipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.newspipe.enrich.ArticleEnricher;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.testsupport.SharedData;

/**
 * The benchmark command (deploy/local/bench). Prints a Markdown table of figures; with {@code --markdown FILE}
 * also appends it, with the machine description, to FILE, keeping earlier results so a regression shows.
 *
 * <pre>bench ingest|enrich|store|e2e|ceiling|all [--articles N] [--words W] [--rate R] [--warmup N] [--markdown FILE]</pre>
 *
 * {@code ingest} runs HTTP NDJSON batches (100 articles, 4 clients) and a backlog on {@code news.raw}.
 * {@code --articles} sizes the backlogs (default 20,000), {@code --words} the article length of the store
 * benchmark (default 600), {@code --rate} the offered rate of the fixed-rate end-to-end run (default 100/s,
 * for 60 s; 0 runs only the backlog), {@code --warmup} the articles each service stage processes unmeasured first, so that JIT compilation
 * is done as in a long-running deployment (default 10,000: the enrich service still speeds up after 3,000; 0 measures from a cold start).
 */
public final class Bench {

    private static final List<String> WHAT = List.of("ingest", "enrich", "store", "e2e", "ceiling", "all");

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !WHAT.contains(args[0])) {
            System.err.println("usage: bench ingest|enrich|store|e2e|ceiling|all [--articles N] [--words W] [--rate R]"
                    + " [--warmup N] [--markdown FILE]");
            System.exit(2);
        }
        String what = args[0];
        int articles = 20_000;
        int words = Corpus.DEFAULT_WORDS;
        int rate = 100;
        int warmup = 10_000;
        Path markdown = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--markdown" -> markdown = Path.of(args[++i]);
                case "--words" -> words = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        final int backlog = articles;
        final int warm = warmup;
        Path root = Path.of(System.getProperty("newspipe.root", ".")).toAbsolutePath().normalize();
        Path shared = SharedData.find("").orElse(null);
        boolean all = what.equals("all");
        List<String> lines = new ArrayList<>();
        Double maxEndToEnd = null;
        Double ceiling = null;
        List<String> timelines = new ArrayList<>();
        if (all || what.equals("ingest")) {
            lines.add(row(run(work -> PipelineBenchmark.ingestOverHttp(root, Corpus.load(root, shared, 5), backlog, 100, 4, warm, work))));
            lines.add(row(run(work -> PipelineBenchmark.ingestFromRaw(root, Corpus.load(root, shared, 1), backlog, warm, work))));
        }
        if (all || what.equals("enrich")) {
            lines.add(enrichEngine(root, Math.min(articles, 5_000)));
            lines.add(row(run(work -> PipelineBenchmark.enrichService(root, Corpus.load(root, shared, 2), backlog, warm, work))));
        }
        if (all || what.equals("store")) {
            int n = articles;
            int w = words;
            StoreBenchmark.Result r = run(work -> StoreBenchmark.run(root, Corpus.load(root, shared, 42, w), engine(), n, work));
            lines.add(String.format(Locale.ROOT, "| store alone | %,d articles of ~%d words drained from `news.enriched` | "
                    + "**%,.0f articles/s** (%.1f s) | | store %.1f s CPU, %,d MB peak RSS |", r.articles(), r.words(),
                    r.perSecond(), r.seconds(), r.store().cpuSeconds(), r.store().peakRssKb() / 1024));
            DatabaseCeiling.Result d = r.database();
            lines.add(String.format(Locale.ROOT, "| PostgreSQL ceiling | %,d of those articles inserted again by SQL alone "
                    + "(`INSERT … SELECT`, %d per transaction, with the full-text index and the entity and topic links; "
                    + "no client, broker or story keys), store stopped | **%,.0f articles/s** with one session, **%,.0f** "
                    + "with two | | store alone at %.0f%% of the one-session figure |", d.articles(),
                    DatabaseCeiling.ROWS_PER_TRANSACTION, d.oneSession(), d.twoSessions(), 100 * r.perSecond() / d.oneSession()));
        }
        if (all || what.equals("e2e")) {
            int n = rate * 60;
            int offered = rate;
            if (offered > 0) {
                PipelineBenchmark.Result paced = run(work -> PipelineBenchmark.endToEnd(root, Corpus.load(root, shared, 3), n,
                        offered, warm, work));
                lines.add(row(paced));
                timelines.add(paced.load() + ": " + paced.timeline());
            }
            PipelineBenchmark.Result max = run(work -> PipelineBenchmark.endToEnd(root, Corpus.load(root, shared, 4),
                    backlog, 0, warm, work));
            lines.add(row(max));
            timelines.add(max.load() + ": " + max.timeline());
            maxEndToEnd = max.perSecond();
        }
        if (all || what.equals("ceiling")) {
            BrokerCeiling.Result c = run(work -> BrokerCeiling.run(work, 200_000));
            ceiling = c.perSecond();
            lines.add(String.format(Locale.ROOT, "| broker ceiling | Kafka producer performance tool, %,d records of 3 KB, "
                    + "acks=all, 6 partitions | **%,.0f records/s** (%.1f MB/s) | | |", c.records(), c.perSecond(),
                    c.megabytesPerSecond()));
        }
        if (maxEndToEnd != null && ceiling != null) {
            lines.add(String.format(Locale.ROOT, "| pipeline / broker | end-to-end maximum over the broker ceiling | "
                    + "**%.1f%%** | | |", 100 * maxEndToEnd / ceiling));
        }
        String header = "\n### " + LocalDate.now() + " — " + machine() + "\n\nCorpus: " + Corpus.load(root, shared, 0).description
                + ".\n\n| stage | load | result | latency ingestedAt → stored (p50 / p95 / p99) | processes |\n|---|---|---|---|---|";
        String lagSection = timelines.isEmpty() ? ""
                : "\nConsumer lag per stage (records not yet committed by its group) and machine CPU, sampled each second:\n\n```\n"
                        + String.join("\n\n", timelines) + "\n```\n";
        System.out.println(header);
        lines.forEach(System.out::println);
        System.out.print(lagSection);
        if (markdown != null) {
            Files.writeString(markdown, header + "\n" + String.join("\n", lines) + "\n" + lagSection, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    interface Run<T> {
        T in(Path work) throws Exception;
    }

    /** Runs in a fresh temporary directory, deleted afterwards. */
    static <T> T run(Run<T> run) throws Exception {
        Path work = Files.createTempDirectory("newspipe-bench-");
        try {
            return run.in(work);
        } finally {
            StoreBenchmark.deleteRecursively(work);
        }
    }

    static String row(PipelineBenchmark.Result r) {
        String latency = r.latencyMs() == null ? ""
                : String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f ms", r.latencyMs()[0], r.latencyMs()[1], r.latencyMs()[2]);
        String processes = r.processes().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s CPU, %,d MB peak RSS", e.getKey().replace("-service", ""),
                        e.getValue().cpuSeconds(), e.getValue().peakRssKb() / 1024))
                .collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "| %s | %s | **%,.0f articles/s** (%.1f s) | %s | %s |", r.stage(), r.load(),
                r.perSecond(), r.seconds(), latency, processes);
    }

    /** Runs {@link EnrichBenchmark} in a child JVM limited to a 512 MB heap and formats its line. */
    static String enrichEngine(Path root, int articles) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBinary, "-Xmx512m", "-Dnewspipe.root=" + root, "-cp",
                System.getProperty("java.class.path"), EnrichBenchmark.class.getName(), String.valueOf(articles))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("enrich benchmark failed: " + out);
        }
        String[] f = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        double seconds = Double.parseDouble(f[1]);
        int n = Integer.parseInt(f[0]);
        return String.format(Locale.ROOT, "| enrich engine, one thread | %,d articles of ~%s words, in-process | "
                + "**%,.0f articles/s per core** (%.2f ms each) | | heap limit 512 MB, peak used %s MB |", n, f[3], n / seconds,
                seconds * 1000 / n, f[2]);
    }

    /** The enrichment engine the benchmarks run; the one place to switch it. */
    static Function<ArticleIngested, ArticleEnriched> engine() {
        return new ArticleEnricher(Clock.systemUTC())::enrich;
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB, Java %s", Runtime.getRuntime().availableProcessors(),
                cpu, memKb / 1048576.0, System.getProperty("java.version"));
    }

    private Bench() {
    }
}
