package dev.newspipe.enrich;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import dev.newspipe.enrich.entities.EntityRecognizer;
import dev.newspipe.enrich.entities.KnownDomain;
import dev.newspipe.enrich.language.LanguageIdentifier;
import dev.newspipe.enrich.text.Keyphrases;
import dev.newspipe.enrich.text.Quotes;
import dev.newspipe.enrich.text.Summaries;
import dev.newspipe.enrich.topics.SemanticTopics;
import dev.newspipe.enrich.topics.TopicClassifier;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleIngested;

/**
 * The enrichment engine: language, entities (OpenNLP sentences and tagging with a knowledge base and
 * contextual cues), IPTC Media Topics, keyphrases, a lead summary, attributed quotes and story signatures.
 * Thread-safe; models and resources load once, in the constructor. Plain Java, so the evaluation command
 * and the benchmarks run exactly what the service runs.
 */
public final class ArticleEnricher {

    /** Raise on every change that alters output: stored articles are re-enriched by replaying the topic. */
    public static final String VERSION = "1.6.14";
    static final int KEYWORDS = 10;
    static final int SUMMARY_CHARS = 400;
    /**
     * The sentence model is asked where the cue words leave the first two top-level topics within this much
     * evidence of each other (cue-weight units: a clear cue word in the lead weighs about 2, in the headline 4):
     * short items and articles on two fields; a long article on one field is decided by its words alone.
     */
    static final double MODEL_MARGIN = 4;

    private final Clock clock;
    private final LanguageIdentifier languages = new LanguageIdentifier();
    private final EntityRecognizer entities = new EntityRecognizer();
    private final TopicClassifier topics = new TopicClassifier();
    private final Keyphrases keyphrases = new Keyphrases();
    private final Summaries summaries = new Summaries();
    private final Quotes quotes = new Quotes();
    private final SemanticTopics semanticTopics = new SemanticTopics();

    public ArticleEnricher(Clock clock) {
        this.clock = clock;
    }

    public ArticleEnriched enrich(ArticleIngested article) {
        if (article.body() == null || article.body().isBlank()) {
            throw new IllegalArgumentException("article " + article.id() + " has no body to enrich");
        }
        if (article.headline() == null) {
            throw new IllegalArgumentException("article " + article.id() + " has no headline to enrich");
        }
        String headline = article.headline();
        String body = article.body();
        DetectedLanguage language = language(article);
        String code = language.code();
        TopicClassifier.Scores scores = topics.score(headline, body, code);
        List<MediaTopic> byWords = topics.topics(scores, Map.of());
        // Topics first: in a sports story a town that wins or is played for names its team.
        boolean sportsStory = !byWords.isEmpty() && byWords.get(0).code().equals(KnownDomainTopics.code(KnownDomain.SPORT));
        EntityRecognizer.Recognition recognition = entities.analyse(headline, body, code, sportsStory);
        List<Entity> found = recognition.entities();
        // Then the known entities' fields: a club, a head of government, an armed group named in the article.
        Map<String, Double> known = recognition.domains().isEmpty() ? Map.of()
                : KnownDomainTopics.evidence(recognition.domains());
        List<MediaTopic> topicList = known.isEmpty() ? byWords : topics.topics(scores, known);
        // Last the meaning of headline and lead, where the words leave two fields close.
        if ("en".equals(code) && topics.leadOfBest(scores, known) < MODEL_MARGIN) {
            topicList = topics.topics(scores, known, semanticTopics.evidence(headline, body));
        }
        List<int[]> sentences = recognition.englishSentences() != null ? recognition.englishSentences()
                : entities.sentences(body);
        return new ArticleEnriched(article, VERSION, clock.instant(), language, found,
                topicList,
                keyphrases.extract(headline, body, code, KEYWORDS),
                summaries.lead(body, sentences, SUMMARY_CHARS),
                quotes.find(body, found),
                StorySignatures.of(StorySignatures.words(headline + "\n" + body)));
    }

    /**
     * The publisher's declared language when there is one (ninjs and feeds carry it; a declaration beats a
     * guess on short texts), else the detector's.
     */
    private DetectedLanguage language(ArticleIngested article) {
        String declared = article.language();
        if (declared != null && !declared.isBlank()) {
            String primary = declared.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
            if (primary.length() == 2) {
                return new DetectedLanguage(primary, 1.0);
            }
        }
        return languages.identify(article.headline() + "\n" + article.body());
    }
}
