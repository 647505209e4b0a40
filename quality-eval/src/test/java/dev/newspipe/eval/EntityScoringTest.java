package dev.newspipe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.newspipe.eval.EntityScoring.TypedId;
import dev.newspipe.eval.EntityScoring.TypedSpan;
import dev.newspipe.eval.GoldDocument.GoldEntity;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;

/** The scoring itself, on hand-made gold and predictions whose figures are known. */
class EntityScoringTest {

    private static final double EPSILON = 1e-9;

    @Test
    void countsPerTypeAndMicroAverage() {
        Set<TypedSpan> gold = Set.of(span("PERSON", 0, 5), span("PERSON", 10, 15), span("LOCATION", 20, 25));
        Set<TypedSpan> predicted = Set.of(span("PERSON", 0, 5), span("LOCATION", 10, 15), span("LOCATION", 20, 25),
                span("ORGANIZATION", 30, 35));
        Map<String, Prf> byType = EntityScoring.emptyByType();
        EntityScoring.count(gold, predicted, TypedSpan::type, byType);

        assertPrf(byType.get("PERSON"), 1.0, 0.5, 2.0 / 3);
        // A right span with the wrong type: false positive of LOCATION, false negative of PERSON.
        assertPrf(byType.get("LOCATION"), 0.5, 1.0, 2.0 / 3);
        assertPrf(byType.get("ORGANIZATION"), 0.0, 0.0, 0.0);
        Prf micro = EntityScoring.micro(byType, EvaluateEnrichment.MAIN_TYPES);
        assertEquals(2, micro.truePositives());
        assertEquals(2, micro.falsePositives());
        assertEquals(1, micro.falseNegatives());
        assertPrf(micro, 0.5, 2.0 / 3, 4.0 / 7);
    }

    @Test
    void countsAccumulateOverDocuments() {
        Map<String, Prf> byType = EntityScoring.emptyByType();
        EntityScoring.count(Set.of(span("PERSON", 0, 5)), Set.of(span("PERSON", 0, 5)), TypedSpan::type, byType);
        EntityScoring.count(Set.of(span("PERSON", 0, 5)), Set.of(), TypedSpan::type, byType);
        assertPrf(byType.get("PERSON"), 1.0, 0.5, 2.0 / 3);
    }

    @Test
    void emptyPredictionsAndEmptyGoldScoreZeroNotNaN() {
        assertPrf(new Prf(0, 0, 3), 0, 0, 0);
        assertPrf(new Prf(0, 2, 0), 0, 0, 0);
        assertPrf(new Prf(), 0, 0, 0);
    }

    @Test
    void goldMentionsResolveLongestFirstWordBoundedAndCaseSensitive() {
        String body = "Iranian drones hit Iran. The Islamic Republic of Iran denies it; Iranians protest in iran.";
        List<GoldEntity> entities = List.of(new GoldEntity(EntityType.LOCATION, "Q794", "Iran",
                List.of("Iran", "Iranian", "Islamic Republic of Iran")));
        List<GoldMentions.Resolved> resolved = GoldMentions.resolve(body, entities);
        assertEquals(List.of("Iranian", "Iran", "Islamic Republic of Iran"),
                resolved.stream().map(GoldMentions.Resolved::text).toList());
        assertEquals(0, resolved.get(0).start());
        assertEquals(19, resolved.get(1).start());
        assertEquals(29, resolved.get(2).start());
        assertEquals(29 + "Islamic Republic of Iran".length(), resolved.get(2).end());
    }

    @Test
    void goldMentionOfOneEntityShadowsAShorterOneInside() {
        String body = "The UN Security Council met; the UN agreed.";
        List<GoldEntity> entities = List.of(
                new GoldEntity(EntityType.ORGANIZATION, "Q1065", "United Nations", List.of("UN")),
                new GoldEntity(EntityType.ORGANIZATION, "Q37470", "United Nations Security Council",
                        List.of("UN Security Council")));
        List<GoldMentions.Resolved> resolved = GoldMentions.resolve(body, entities);
        assertEquals(Set.of(span("ORGANIZATION", 4, 23), span("ORGANIZATION", 33, 35)),
                EntityScoring.goldSpans(entities, resolved));
        assertEquals(Set.of(new TypedId("ORGANIZATION", "Q1065"), new TypedId("ORGANIZATION", "Q37470")),
                EntityScoring.goldIds(entities, resolved));
    }

    @Test
    void canonicalIdsAreQidsElseNameSlugs() {
        assertEquals("Q30", new GoldEntity(EntityType.LOCATION, "Q30", "United States", List.of("US")).canonicalId());
        assertEquals("person:hossein-amir-abdollahian",
                new GoldEntity(EntityType.PERSON, null, "Hossein Amir-Abdollahian", List.of()).canonicalId());
        assertEquals("organization:atletico-de-madrid", EntityIds.slug(EntityType.ORGANIZATION, "Atlético de Madrid"));
        assertEquals("organization:sears-roebuck-and-co", EntityIds.slug(EntityType.ORGANIZATION, "Sears, Roebuck and Co."));
    }

    @Test
    void idScoringComparesTypeAndIdAndLeavesOutHeadlineOnlyEntities() {
        ArticleEnriched predicted = enriched(List.of(
                new Entity("Q30", EntityType.LOCATION, "United States", List.of(new Mention("US", 0, 2)), 1, 0.5),
                new Entity("person:antony-blinken", EntityType.PERSON, "Antony Blinken",
                        List.of(new Mention("Blinken", 10, 17)), 1, 0.5),
                new Entity("Q794", EntityType.ORGANIZATION, "Iran", List.of(new Mention("Iran", 20, 24)), 1, 0.5),
                new Entity("Q159", EntityType.LOCATION, "Russia", List.of(), 1, 0.5)), List.of());
        Set<TypedId> gold = Set.of(new TypedId("LOCATION", "Q30"), new TypedId("PERSON", "person:antony-blinken"),
                new TypedId("LOCATION", "Q794"));
        Map<String, Prf> byType = EntityScoring.emptyByType();
        EntityScoring.count(gold, EntityScoring.predictedIds(predicted), TypedId::type, byType);
        assertPrf(byType.get("LOCATION"), 1.0, 0.5, 2.0 / 3);
        assertPrf(byType.get("PERSON"), 1.0, 1.0, 1.0);
        assertPrf(byType.get("ORGANIZATION"), 0.0, 0.0, 0.0);
        assertPrf(EntityScoring.micro(byType, EvaluateEnrichment.MAIN_TYPES), 2.0 / 3, 2.0 / 3, 2.0 / 3);
    }

    @Test
    void bestTopLevelIsTheFirstTopicOrItsLevelOneAncestor() {
        assertEquals("medtop:11000000", TopicScoring.bestTopLevel(enriched(List.of(),
                List.of(topic("medtop:20000642", 3), topic("medtop:16000000", 1)))));
        assertEquals("medtop:16000000", TopicScoring.bestTopLevel(enriched(List.of(),
                List.of(topic("medtop:16000000", 1), topic("medtop:20000642", 3)))));
        assertEquals(TopicScoring.NONE, TopicScoring.bestTopLevel(enriched(List.of(), List.of())));
        assertEquals(true, TopicScoring.hasTopicUnder(enriched(List.of(), List.of(topic("medtop:20000097", 3))),
                "medtop:02000000"));
    }

    @Test
    void conllChunksBecomeCharacterSpansOfTheRebuiltText() {
        List<List<Conll.Token>> sentences = Conll.sentences("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n"
                + "call NN I-NP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nin IN O O\nNew NNP B-NP B-LOC\n"
                + "York NNP I-NP I-LOC\n");
        Conll.Document document = Conll.documents(sentences, 20).get(0);
        assertEquals("EU rejects German call\n\nPeter Blackburn in New York", document.body());
        assertEquals(Set.of(span("ORG", 0, 2), span("MISC", 11, 17), span("PER", 24, 39), span("LOC", 43, 51)),
                document.gold());
        assertEquals("PER", Conll.conllType("PERSON"));
        assertEquals("MISC", Conll.conllType("PRODUCT"));
    }

    @Test
    void agNewsRowsAreQuotedCsvWithTheCorpusEncodingUndone() {
        List<AgNewsCsv.Row> rows = AgNewsCsv.parse("label,title,description\n"
                + "3,Stocks up,\"Shares rose  #36;5, said \"\"traders\"\"\\in New York.\"\n"
                + "2,\"Cup, final\",It #39;s over\n");
        assertEquals(2, rows.size());
        assertEquals(AgNewsCsv.Label.BUSINESS, rows.get(0).label());
        assertEquals("Shares rose $5, said \"traders\" in New York.", rows.get(0).toSubmission().body());
        assertEquals("Cup, final", rows.get(1).title());
        assertEquals("It's over", rows.get(1).toSubmission().body());
        assertEquals(true, AgNewsMapping.accepts(AgNewsCsv.Label.WORLD, "medtop:16000000"));
        assertEquals(false, AgNewsMapping.accepts(AgNewsCsv.Label.SPORTS, "medtop:16000000"));
    }

    private static TypedSpan span(String type, int start, int end) {
        return new TypedSpan(type, start, end);
    }

    private static MediaTopic topic(String code, int level) {
        return new MediaTopic(code, code, 0.5, level);
    }

    private static ArticleEnriched enriched(List<Entity> entities, List<MediaTopic> topics) {
        return new ArticleEnriched(null, "test", Instant.EPOCH, null, entities, topics, List.of(), "", List.of(), null);
    }

    private static void assertPrf(Prf prf, double precision, double recall, double f1) {
        assertEquals(precision, prf.precision(), EPSILON, "precision");
        assertEquals(recall, prf.recall(), EPSILON, "recall");
        assertEquals(f1, prf.f1(), EPSILON, "F1");
    }
}
