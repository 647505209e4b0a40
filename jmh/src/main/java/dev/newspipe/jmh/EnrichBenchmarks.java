package dev.newspipe.jmh;

import java.time.Clock;
import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.newspipe.enrich.ArticleEnricher;
import dev.newspipe.enrich.entities.EntityRecognizer;
import dev.newspipe.enrich.language.LanguageIdentifier;
import dev.newspipe.enrich.topics.TopicClassifier;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleIngested;

/**
 * The enrich service's hot paths on one article per call: entity extraction, topic scoring, and the whole
 * engine for context. Each engine part is a state of its own, so a benchmark loads only the models it runs.
 * Entity extraction and the whole engine warm up for 50 s: on two busy cores their time per article was
 * still falling after 30 s, as the JIT compiled their many methods.
 */
public class EnrichBenchmarks extends HotPathBenchmark {

    /** An article as the enrich service receives it, with the language its detector finds for it. */
    record Input(ArticleIngested article, String language) {
    }

    private Cycle<Input> inputs;

    @Setup
    public void loadArticles() {
        LanguageIdentifier languages = new LanguageIdentifier();
        List<Input> articles = CorpusArticles.ingested(2).stream()
                .map(a -> new Input(a, languages.identify(a.headline() + "\n" + a.body()).code()))
                .toList();
        inputs = new Cycle<>(articles);
    }

    @State(Scope.Thread)
    public static class Recognizer {
        final EntityRecognizer engine = new EntityRecognizer();
    }

    @State(Scope.Thread)
    public static class Topics {
        final TopicClassifier engine = new TopicClassifier();
    }

    @State(Scope.Thread)
    public static class Enricher {
        final ArticleEnricher engine = new ArticleEnricher(Clock.systemUTC());
    }

    /** Sentences, tokens, proper-noun tagging, knowledge-base and cue matching, salience. */
    @Benchmark
    @Warmup(iterations = 10, time = 5)
    public EntityRecognizer.Recognition recognizeEntities(Recognizer recognizer) {
        Input input = inputs.next();
        return recognizer.engine.analyse(input.article().headline(), input.article().body(), input.language());
    }

    /** IPTC Media Topics from the cue phrases of headline and body. */
    @Benchmark
    public List<MediaTopic> scoreTopics(Topics topics) {
        Input input = inputs.next();
        return topics.engine.classify(input.article().headline(), input.article().body(), input.language());
    }

    /** The whole engine: language, entities, topics, keyphrases, summary, quotes and story signatures. */
    @Benchmark
    @Warmup(iterations = 10, time = 5)
    public ArticleEnriched enrichWhole(Enricher enricher) {
        return enricher.engine.enrich(inputs.next().article());
    }
}
