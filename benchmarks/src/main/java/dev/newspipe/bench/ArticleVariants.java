package dev.newspipe.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;

/**
 * Many distinct enriched articles from a few real enrichments: enriching every stored article would make
 * the store benchmarks spend their time in the engine. Used by {@link StoreBenchmark} and the JMH store
 * benchmark.
 */
public final class ArticleVariants {

    /** The base enrichment as another article: new id, URL and time, and a signature of its own. */
    public static ArticleEnriched of(ArticleEnriched base, int sequence, Random random) {
        ArticleIngested a = base.article();
        String id = String.format("%016x%016x", sequence, random.nextLong());
        ArticleIngested article = new ArticleIngested(id, 1, a.url() + "?v=" + sequence, a.headline(), a.body(), a.source(),
                a.publishedAt().minusSeconds(random.nextInt(86_400)), a.language(), a.authors(), null, id, a.intakePath(),
                Instant.now(), null);
        List<Integer> minhash = new ArrayList<>();
        for (int k = 0; k < (base.signature() == null ? 0 : base.signature().minhash().size()); k++) {
            minhash.add(random.nextInt(Integer.MAX_VALUE));
        }
        return new ArticleEnriched(article, base.enrichmentVersion(), base.enrichedAt(), base.language(), base.entities(),
                base.topics(), base.keywords(), base.summary(), base.quotes(),
                new ArticleEnriched.StorySignature(base.signature() == null ? "0000000000000000" : base.signature().simhash(),
                        minhash));
    }

    private ArticleVariants() {
    }
}
