package dev.newspipe.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.testsupport.SharedData;

/**
 * The enrichment engine alone, on one thread (so the rate is per core), over ~600-word articles. Run by
 * {@link Bench} in a child JVM with {@code -Xmx512m}, the heap the issue allows, so that running out of
 * memory would fail the run. Prints one line: {@code articles seconds heapPeakMb words}.
 */
public final class EnrichBenchmark {

    static final int WARM_UP = 1_000;

    public static void main(String[] args) {
        int articles = Integer.parseInt(args[0]);
        Path root = Path.of(System.getProperty("newspipe.root", ".")).toAbsolutePath().normalize();
        Corpus corpus = Corpus.load(root, SharedData.find("").orElse(null), 11);
        List<ArticleIngested> input = new ArrayList<>();
        long words = 0;
        for (int i = 0; i < WARM_UP + articles; i++) {
            ArticleIngested a = corpus.nextIngested(i);
            input.add(a);
            if (i >= WARM_UP) {
                words += a.body().split("\\s+").length;
            }
        }
        Function<ArticleIngested, ArticleEnriched> engine = Bench.engine();
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += engine.apply(input.get(i)).entities().size();
        }
        long start = System.nanoTime();
        for (int i = WARM_UP; i < input.size(); i++) {
            sink += engine.apply(input.get(i)).entities().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.println(String.format(Locale.ROOT, "%d %.3f %d %d %d", articles, seconds, peak / (1024 * 1024),
                words / articles, sink));
    }

    private EnrichBenchmark() {
    }
}
