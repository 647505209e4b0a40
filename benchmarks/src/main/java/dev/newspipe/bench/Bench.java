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

import dev.newspipe.enrich.ArticleEnricher;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.testsupport.SharedData;

/**
 * The benchmark command (deploy/local/bench). Prints figures; with {@code --markdown FILE} also appends
 * them, with the machine description, to FILE, keeping earlier results so a regression shows.
 *
 * <pre>bench [store|enrich|all] [--articles N] [--words W] [--markdown docs/benchmarks.md]</pre>
 *
 * {@code --words} sets the article length for the store benchmark (default 600).
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("store", "enrich", "all").contains(args[0])) {
            System.err.println("usage: bench store|enrich|all [--articles N] [--words W] [--markdown FILE]");
            System.exit(2);
        }
        String what = args[0];
        int articles = 60_000;
        int words = Corpus.DEFAULT_WORDS;
        Path markdown = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i]);
                case "--markdown" -> markdown = Path.of(args[++i]);
                case "--words" -> words = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path root = Path.of(System.getProperty("newspipe.root", ".")).toAbsolutePath().normalize();
        Path shared = SharedData.find("").orElse(null);
        Corpus corpus = Corpus.load(root, shared, 42, words);
        Path work = Files.createTempDirectory("newspipe-bench-");
        List<String> lines = new ArrayList<>();
        try {
            if (!what.equals("store")) {
                lines.add(enrich(root, Math.min(articles, 5_000)));
            }
            if (!what.equals("enrich")) {
                StoreBenchmark.Result r = StoreBenchmark.run(root, corpus, engine(), articles, work);
                lines.add(String.format(Locale.ROOT, "| store alone | %,d articles of ~%d words drained from `news.enriched` | "
                        + "**%,.0f articles/s** (%.1f s) | store CPU %.1f s, peak RSS %,d MB |", r.articles(), r.words(),
                        r.perSecond(), r.seconds(), r.store().cpuSeconds(), r.store().peakRssKb() / 1024));
            }
        } finally {
            StoreBenchmark.deleteRecursively(work);
        }
        String header = "\n### " + LocalDate.now() + " — " + machine() + "\n\nCorpus: " + corpus.description + ".\n\n"
                + "| stage | load | result | process |\n|---|---|---|---|";
        System.out.println(header);
        lines.forEach(System.out::println);
        if (markdown != null) {
            Files.writeString(markdown, header + "\n" + String.join("\n", lines) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Runs {@link EnrichBenchmark} in a child JVM limited to a 512 MB heap and formats its line. */
    static String enrich(Path root, int articles) throws Exception {
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
        return String.format(Locale.ROOT, "| enrich engine, one thread | %,d articles of ~%s words, in-process | "
                + "**%,.0f articles/s per core** (%.2f ms each) | heap limit 512 MB, peak used %s MB |",
                Integer.parseInt(f[0]), f[3], Integer.parseInt(f[0]) / seconds, seconds * 1000 / Integer.parseInt(f[0]), f[2]);
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
