package dev.newspipe.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.newspipe.enrich.ArticleEnricher;
import dev.newspipe.eval.EntityScoring.TypedId;
import dev.newspipe.eval.EntityScoring.TypedSpan;
import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.MediaTopics;
import dev.newspipe.ingest.InvalidArticleException;

/**
 * Measures the enrich engine: entities and topics against the project's gold annotations, entity
 * recognition on CoNLL-2003 dev, topic classification on AG News test, and the seed checks every
 * engine must pass. Usage: {@code EvaluateEnrichment [shared-dir] [--markdown FILE] [--require-seeds]
 * [--agnews-limit N] [--conll-sentences N] [--no-conll] [--no-agnews] [--show SOURCE[#N]]}.
 */
public final class EvaluateEnrichment {

    /**
     * The engine under evaluation, the one place to switch it: every section calls what this returns.
     * Built once per run.
     */
    static Function<ArticleIngested, ArticleEnriched> engine() {
        ArticleEnricher engine = new ArticleEnricher(Clock.systemUTC());
        return engine::enrich;
    }

    static final List<String> MAIN_TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");
    static final List<String> OTHER_TYPES = List.of("MISC", "EVENT", "PRODUCT");
    static final List<String> CONLL_MAIN_TYPES = List.of("PER", "ORG", "LOC");

    private final Options options;
    private final SourceDocuments sources;
    private final Function<ArticleIngested, ArticleEnriched> engine;
    private final Report report = new Report();
    private final List<String> engineErrors = new ArrayList<>();
    /** CoNLL-2003 dev as sentences, read once for the entity and the topic sections. */
    private List<List<Conll.Token>> conllSentences;
    private int engineCalls;
    private String engineVersion = "unknown";

    EvaluateEnrichment(Options options, Function<ArticleIngested, ArticleEnriched> engine) {
        this.options = options;
        this.sources = new SourceDocuments(options.sharedDir);
        this.engine = engine;
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.err.println("usage: evaluate [shared-dir] [--markdown FILE] [--require-seeds] [--agnews-limit N]"
                    + " [--conll-sentences N] [--no-conll] [--no-agnews] [--show SOURCE[#N]]"
                    + " [--entity-errors]");
            System.exit(2);
            return;
        }
        if (!Files.isDirectory(options.sharedDir)) {
            System.err.println("evaluate: the shared directory " + options.sharedDir + " does not exist");
            System.exit(2);
        }
        if (options.show != null) {
            show(new SourceDocuments(options.sharedDir), options.show);
            return;
        }
        EvaluateEnrichment evaluation = new EvaluateEnrichment(options, engine());
        boolean seedsPass = evaluation.run();
        System.out.print(evaluation.report.plain());
        if (options.markdown != null) {
            Path parent = options.markdown.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(options.markdown, evaluation.report.markdown(), StandardCharsets.UTF_8);
            System.out.println("\nMarkdown report written to " + options.markdown);
        }
        if (options.requireSeeds && !seedsPass) {
            System.err.println("evaluate: seed checks failed");
            System.exit(1);
        }
    }

    /** Runs every section into the report; returns whether all seed checks passed. */
    boolean run() {
        List<Evaluated> evaluated = evaluateGold(goldFiles(GoldFiles.SHARED_TEXTS));
        List<Evaluated> written = evaluateGold(goldFiles(GoldFiles.WRITTEN_ARTICLES));
        List<Evaluated> writtenHeldOut = evaluateGold(goldFiles(GoldFiles.WRITTEN_HELD_OUT));
        report.heading(1, "Enrichment quality");
        report.text("Engine: " + engineVersion + "; shared data: " + options.sharedDir.toAbsolutePath().normalize()
                + "; gold documents: " + evaluated.size() + " real texts, " + written.size() + " written articles tuned on, "
                + writtenHeldOut.size() + " held out.");
        entitySection("1. Entities on the gold documents", evaluated);
        topicSection("2. Topics on the gold documents", evaluated);
        if (options.conll) {
            conllSection();
        }
        conllTopicSection();
        if (options.agNews) {
            agNewsSection();
        }
        fieldSection();
        boolean seedsPass = seedSection();
        entitySection("8. Entities on the written articles (tuned on)", written);
        topicSection("9. Topics on the written articles (tuned on)", written);
        entitySection("10. Entities on the held-out written articles", writtenHeldOut);
        topicSection("11. Topics on the held-out written articles", writtenHeldOut);
        if (!engineErrors.isEmpty()) {
            report.heading(2, "Engine failures");
            report.text(engineErrors.size() + " of " + engineCalls + " documents made the engine throw; they count as"
                    + " empty predictions. First: " + engineErrors.get(0));
        }
        return seedsPass;
    }

    /** A gold document with its ingested text, resolved gold spans and the engine's output. */
    record Evaluated(GoldDocument gold, ArticleIngested article, List<GoldMentions.Resolved> mentions,
            ArticleEnriched predicted) {
    }

    private static List<GoldDocument> goldFiles(String folder) {
        List<GoldDocument> gold = GoldFiles.load(folder);
        if (gold.isEmpty()) {
            // A stale jar or a broken class path, not a result: say so instead of printing zeros.
            throw new IllegalStateException("no gold files on the class path under /" + folder);
        }
        return gold;
    }

    private List<Evaluated> evaluateGold(List<GoldDocument> golds) {
        List<Evaluated> evaluated = new ArrayList<>();
        for (GoldDocument gold : golds) {
            ArticleIngested article = load(gold);
            evaluated.add(new Evaluated(gold, article, GoldMentions.resolve(article.body(), gold.entities()),
                    enrich(article)));
        }
        return evaluated;
    }

    /** The gold document's article as ingest makes it: a shared text from its file, a written one from the gold. */
    private ArticleIngested load(GoldDocument gold) {
        if (!gold.written()) {
            return sources.load(gold.source(), gold.story(), gold.row());
        }
        try {
            return SourceDocuments.ingestEnglish(gold.headline(), gold.body(), "written");
        } catch (InvalidArticleException e) {
            throw new IllegalStateException(gold.file() + " is rejected by ingest: " + e.getMessage(), e);
        }
    }

    private ArticleEnriched enrich(ArticleIngested article) {
        engineCalls++;
        try {
            ArticleEnriched enriched = engine.apply(article);
            if (enriched != null && enriched.enrichmentVersion() != null) {
                engineVersion = enriched.enrichmentVersion();
            }
            return enriched;
        } catch (RuntimeException e) {
            engineErrors.add(article.id() + ": " + e);
            return null;
        }
    }

    // --- 1. entities on the gold documents ----------------------------------------------------------

    private void entitySection(String heading, List<Evaluated> evaluated) {
        Map<String, Prf> spans = EntityScoring.emptyByType();
        Map<String, Prf> ids = EntityScoring.emptyByType();
        List<List<String>> perDocument = new ArrayList<>();
        for (Evaluated e : evaluated) {
            Set<TypedSpan> goldSpans = EntityScoring.goldSpans(e.gold().entities(), e.mentions());
            Set<TypedSpan> predictedSpans = EntityScoring.predictedSpans(e.predicted(), Function.identity());
            Set<TypedId> goldIds = EntityScoring.goldIds(e.gold().entities(), e.mentions());
            Set<TypedId> predictedIds = EntityScoring.predictedIds(e.predicted());
            EntityScoring.count(goldSpans, predictedSpans, TypedSpan::type, spans);
            EntityScoring.count(goldIds, predictedIds, TypedId::type, ids);
            Map<String, Prf> documentSpans = EntityScoring.emptyByType();
            Map<String, Prf> documentIds = EntityScoring.emptyByType();
            EntityScoring.count(goldSpans, predictedSpans, TypedSpan::type, documentSpans);
            EntityScoring.count(goldIds, predictedIds, TypedId::type, documentIds);
            Prf spanMicro = EntityScoring.micro(documentSpans, MAIN_TYPES);
            Prf idMicro = EntityScoring.micro(documentIds, MAIN_TYPES);
            perDocument.add(Report.row(e.gold().label(), goldIds.size(), predictedIds.size(),
                    Prf.percent(spanMicro.f1()), Prf.percent(idMicro.f1()), TopicScoring.bestTopLevel(e.predicted()),
                    String.join(" ", TopicScoring.topLevels(e.gold().topics()))));
        }
        report.heading(2, heading);
        report.text("(a) exact span: type and [start, end) of each body mention must match. (b) canonical id: per"
                + " document, the set of (type, QID or name slug) of the entities the body mentions.");
        List<List<String>> table = report.table("type", "span P", "span R", "span F1", "gold spans", "id P", "id R",
                "id F1", "gold ids");
        for (String type : MAIN_TYPES) {
            addPrfRow(table, type, spans.get(type), ids.get(type));
        }
        addPrfRow(table, "micro (PER+ORG+LOC)", EntityScoring.micro(spans, MAIN_TYPES),
                EntityScoring.micro(ids, MAIN_TYPES));
        for (String type : OTHER_TYPES) {
            if (spans.containsKey(type) || ids.containsKey(type)) {
                addPrfRow(table, type + " (separate)", spans.getOrDefault(type, new Prf()),
                        ids.getOrDefault(type, new Prf()));
            }
        }
        report.text("Per document (micro over PERSON, ORGANIZATION, LOCATION):");
        List<List<String>> documents = report.table("document", "gold ids", "predicted ids", "span F1", "id F1",
                "best top level", "gold top levels");
        documents.addAll(perDocument);
        if (options.entityErrors) {
            entityErrors(evaluated);
        }
    }

    /** Each document's spans of the three main types that are only in the gold (missed) or only predicted. */
    private void entityErrors(List<Evaluated> evaluated) {
        report.text("Span errors (--entity-errors): missed = gold only, spurious = predicted only; a right span with"
                + " the wrong type shows as both.");
        List<List<String>> table = report.table("document", "error", "type", "text");
        for (Evaluated e : evaluated) {
            addSpanErrors(table, e.gold().label(), e.article().body(),
                    EntityScoring.goldSpans(e.gold().entities(), e.mentions()),
                    EntityScoring.predictedSpans(e.predicted(), Function.identity()), MAIN_TYPES);
        }
    }

    /** Adds a document's spans of the given types found only in the gold (missed) or only predicted (spurious). */
    private static void addSpanErrors(List<List<String>> table, String document, String body, Set<TypedSpan> gold,
            Set<TypedSpan> predicted, List<String> types) {
        for (boolean missed : new boolean[] {true, false}) {
            Set<TypedSpan> other = missed ? predicted : gold;
            (missed ? gold : predicted).stream()
                    .filter(span -> types.contains(span.type()) && !other.contains(span))
                    .sorted(java.util.Comparator.comparingInt(TypedSpan::start))
                    .forEach(span -> table.add(Report.row(document, missed ? "missed" : "spurious", span.type(),
                            body.substring(span.start(), span.end()))));
        }
    }

    private static void addPrfRow(List<List<String>> table, String label, Prf span, Prf id) {
        table.add(Report.row(label, Prf.percent(span.precision()), Prf.percent(span.recall()), Prf.percent(span.f1()),
                span.gold(), Prf.percent(id.precision()), Prf.percent(id.recall()), Prf.percent(id.f1()), id.gold()));
    }

    // --- 2. topics on the gold documents -------------------------------------------------------------

    private void topicSection(String heading, List<Evaluated> evaluated) {
        int withGold = 0;
        int correct = 0;
        int goldTopLevels = 0;
        int foundTopLevels = 0;
        for (Evaluated e : evaluated) {
            Set<String> gold = TopicScoring.topLevels(e.gold().topics());
            if (gold.isEmpty()) {
                continue;
            }
            withGold++;
            if (gold.contains(TopicScoring.bestTopLevel(e.predicted()))) {
                correct++;
            }
            Set<String> predicted = TopicScoring.predictedTopLevels(e.predicted());
            goldTopLevels += gold.size();
            foundTopLevels += (int) gold.stream().filter(predicted::contains).count();
        }
        report.heading(2, heading);
        report.text("Top-level accuracy: the best predicted top level (first topic, or its level-1 ancestor) is one"
                + " of the gold top levels. Recall: share of gold top-level codes among all predicted top levels.");
        List<List<String>> table = report.table("measure", "value", "of");
        table.add(Report.row("top-level accuracy", Prf.percent(ratio(correct, withGold)), withGold + " documents"));
        table.add(Report.row("top-level recall", Prf.percent(ratio(foundTopLevels, goldTopLevels)),
                goldTopLevels + " gold codes"));
    }

    private static final String CONLL_FILE = "data/eval/conll2003-dev.txt";

    /** Starts a section on a file of the shared directory: the file, or empty (the section says so) if it is missing. */
    private Optional<Path> sectionInput(String heading, String relative) {
        Path file = options.sharedDir.resolve(relative);
        report.heading(2, heading);
        if (!Files.exists(file)) {
            report.text("Skipped: " + file + " is missing.");
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private List<List<Conll.Token>> conllSentences(Path file) {
        if (conllSentences == null) {
            conllSentences = Conll.sentences(SourceDocuments.read(file));
        }
        return conllSentences;
    }

    // --- 3. CoNLL-2003 dev ---------------------------------------------------------------------------

    private void conllSection() {
        Optional<Path> file = sectionInput("3. CoNLL-2003 dev, exact span", CONLL_FILE);
        if (file.isEmpty()) {
            return;
        }
        List<List<Conll.Token>> sentences = conllSentences(file.get());
        List<Conll.Document> documents = Conll.documents(sentences, options.conllSentences);
        Map<String, Prf> byType = new LinkedHashMap<>();
        for (String type : List.of("PER", "ORG", "LOC", "MISC")) {
            byType.put(type, new Prf());
        }
        List<List<String>> errors = new ArrayList<>();
        for (Conll.Document document : documents) {
            ArticleIngested article = document.toArticle();
            Set<TypedSpan> predicted = conllSpans(enrich(article));
            EntityScoring.count(document.gold(), predicted, TypedSpan::type, byType);
            if (options.entityErrors) {
                addSpanErrors(errors, "conll-" + document.number(), article.body(), document.gold(), predicted,
                        CONLL_MAIN_TYPES);
            }
        }
        report.text(sentences.size() + " sentences in " + documents.size() + " documents of " + options.conllSentences
                + " sentences (tokens joined by spaces, sentences as paragraphs, no headline). Engine types map to"
                + " PERSON→PER, ORGANIZATION→ORG, LOCATION→LOC, others→MISC; a LOCATION mention that is an adjective"
                + " of the place (\"Iranian\", \"London-based\": not the entity's name, accents aside, ending like a"
                + " demonym) counts as MISC, as CoNLL tags it.");
        List<List<String>> table = report.table("type", "P", "R", "F1", "gold", "predicted");
        for (Map.Entry<String, Prf> entry : byType.entrySet()) {
            table.add(conllRow(entry.getKey(), entry.getValue()));
        }
        table.add(conllRow("micro (PER+ORG+LOC)", EntityScoring.micro(byType, CONLL_MAIN_TYPES)));
        if (options.entityErrors) {
            report.text("Span errors (--entity-errors), as under 1.");
            report.table("document", "error", "type", "text").addAll(errors);
        }
    }

    /** Adjectival forms of place names ("Iranian", "French", "Chinese", "Thai", "London-based"). */
    private static final java.util.regex.Pattern ADJECTIVAL = java.util.regex.Pattern.compile(
            ".*(?:ian|ians|ean|an|ans|ese|ish|ic|ch|i|is|-based)$");

    /** "Michoacan" for "Michoacán": a name written without its accents is still the name, not an adjective. */
    private static String withoutAccents(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Predicted mention spans typed as CoNLL types. */
    private static Set<TypedSpan> conllSpans(ArticleEnriched enriched) {
        Set<TypedSpan> spans = new java.util.HashSet<>();
        if (enriched == null || enriched.entities() == null) {
            return spans;
        }
        for (ArticleEnriched.Entity entity : enriched.entities()) {
            for (ArticleEnriched.Mention mention : entity.mentions()) {
                String type = Conll.conllType(entity.type().name());
                if (type.equals("LOC") && !withoutAccents(mention.text()).equals(withoutAccents(entity.name()))
                        && ADJECTIVAL.matcher(mention.text()).matches()) {
                    type = "MISC";
                }
                spans.add(new TypedSpan(type, mention.start(), mention.end()));
            }
        }
        return spans;
    }

    private static List<String> conllRow(String label, Prf prf) {
        return Report.row(label, Prf.percent(prf.precision()), Prf.percent(prf.recall()), Prf.percent(prf.f1()),
                prf.gold(), prf.predicted());
    }

    // --- 4. CoNLL-2003 dev articles, top-level topic -------------------------------------------------

    private static final String SPORT = "medtop:15000000";

    private void conllTopicSection() {
        Optional<Path> file = sectionInput("4. CoNLL-2003 dev articles, top-level topic", CONLL_FILE);
        if (file.isEmpty()) {
            return;
        }
        List<Conll.Article> articles = Conll.articles(conllSentences(file.get()));
        Map<Integer, TopicGold.Label> labels = TopicGold.load(TopicGold.CONLL_ARTICLES);
        int[] sport = new int[2];
        int[] other = new int[2];
        int rejected = 0;
        List<List<String>> misses = new ArrayList<>();
        for (Conll.Article article : articles) {
            TopicGold.Label label = TopicGold.labelOf(labels, TopicGold.CONLL_ARTICLES, article.number(),
                    article.headline());
            if (label == null) {
                continue;
            }
            ArticleIngested ingested;
            try {
                ingested = SourceDocuments.ingestEnglish(article.headline(), article.body(), "CoNLL-2003");
            } catch (InvalidArticleException e) {
                rejected++;
                continue;
            }
            String best = TopicScoring.bestTopLevel(enrich(ingested));
            boolean right = label.accepted().contains(best);
            int[] counts = label.accepted().equals(List.of(SPORT)) ? sport : other;
            counts[0] += right ? 1 : 0;
            counts[1]++;
            if (!right) {
                misses.add(Report.row(String.valueOf(article.number()), AgNewsMapping.shortName(best), acceptedNames(label)));
            }
        }
        report.text("Reuters articles of 1996 (" + sport[1] + " on sport), cut at their datelines, headline and body;"
                + " labelled for this project with the top levels that count as right ("
                + TopicGold.CONLL_ARTICLES.substring(1) + ")" + (rejected > 0 ? "; " + rejected
                + " rejected by ingest" : "") + ". Best top level: the first topic, as for AG News.");
        List<List<String>> accuracy = report.table("articles", "accuracy", "rows");
        accuracy.add(Report.row("sport", Prf.percent(ratio(sport[0], sport[1])), sport[1]));
        accuracy.add(Report.row("other", Prf.percent(ratio(other[0], other[1])), other[1]));
        accuracy.add(Report.row("all", Prf.percent(ratio(sport[0] + other[0], sport[1] + other[1])),
                sport[1] + other[1]));
        if (!misses.isEmpty()) {
            report.text("Misses:");
            report.table("article", "predicted", "accepted").addAll(misses);
        }
    }

    // --- 5. AG News test -----------------------------------------------------------------------------

    private void agNewsSection() {
        Optional<Path> file = sectionInput("5. AG News test, top-level topic", "data/eval/agnews-test.csv");
        if (file.isEmpty()) {
            return;
        }
        List<AgNewsCsv.Row> rows = sources.agNewsRows(file.get());
        if (options.agNewsLimit > 0 && options.agNewsLimit < rows.size()) {
            rows = rows.subList(0, options.agNewsLimit);
        }
        Map<AgNewsCsv.Label, Map<String, Integer>> confusion = new LinkedHashMap<>();
        Map<AgNewsCsv.Label, int[]> correctOfTotal = new LinkedHashMap<>();
        Set<String> predictedColumns = new TreeSet<>();
        IptcLabels iptc = new IptcLabels();
        int rejected = 0;
        for (AgNewsCsv.Row row : rows) {
            ArticleIngested article;
            try {
                article = sources.ingest(row.toSubmission());
            } catch (InvalidArticleException e) {
                rejected++;
                continue;
            }
            String best = TopicScoring.bestTopLevel(enrich(article));
            predictedColumns.add(best);
            confusion.computeIfAbsent(row.label(), l -> new LinkedHashMap<>()).merge(best, 1, Integer::sum);
            int[] counts = correctOfTotal.computeIfAbsent(row.label(), l -> new int[2]);
            counts[0] += AgNewsMapping.accepts(row.label(), best) ? 1 : 0;
            counts[1]++;
            iptc.score(row, best);
        }
        int correct = correctOfTotal.values().stream().mapToInt(c -> c[0]).sum();
        int total = correctOfTotal.values().stream().mapToInt(c -> c[1]).sum();
        report.text("Mapping: " + AgNewsMapping.describe() + ". " + total + " rows evaluated"
                + (rejected > 0 ? ", " + rejected + " rejected by ingest (body too short)" : "") + ".");
        List<List<String>> accuracy = report.table("AG label", "accuracy", "rows");
        for (AgNewsCsv.Label label : AgNewsCsv.Label.values()) {
            int[] counts = correctOfTotal.getOrDefault(label, new int[2]);
            accuracy.add(Report.row(label.title(), Prf.percent(ratio(counts[0], counts[1])), counts[1]));
        }
        accuracy.add(Report.row("all", Prf.percent(ratio(correct, total)), total));
        report.text("Confusion (rows: AG label; columns: best predicted top level):");
        List<String> header = new ArrayList<>();
        header.add("AG label");
        for (String code : predictedColumns) {
            header.add(AgNewsMapping.shortName(code));
        }
        List<List<String>> table = report.table(header.toArray(new String[0]));
        for (AgNewsCsv.Label label : AgNewsCsv.Label.values()) {
            List<String> cells = new ArrayList<>();
            cells.add(label.title());
            for (String code : predictedColumns) {
                cells.add(String.valueOf(confusion.getOrDefault(label, Map.of()).getOrDefault(code, 0)));
            }
            table.add(cells);
        }
        iptc.report(report);
    }

    /**
     * The rows of AG News that we labelled in IPTC terms ({@link TopicGold#AG_NEWS_SAMPLE}, {@link TopicGold#AG_NEWS_REST}),
     * scored as they pass: AG's four labels file a hurricane or a health study under Sci/Tech and stock markets under
     * World, so this says how often the engine's first topic is one an editor would accept, on the same short texts.
     * The sample of 400 was not used to tune the engine, the other 7,200 were.
     */
    private static final class IptcLabels {
        /** Per set (sample, rest, all): rows, best accepted, best = first choice, accepted by AG's label. */
        private final int[][] counts = new int[3][4];
        private final Map<Integer, TopicGold.Label> sample = TopicGold.load(TopicGold.AG_NEWS_SAMPLE);
        private final Map<Integer, TopicGold.Label> rest = TopicGold.load(TopicGold.AG_NEWS_REST);
        /** Per first-choice top level: rows, best accepted; per predicted top level: rows, accepted. */
        private final Map<String, int[]> byFirstChoice = new TreeMap<>();
        private final Map<String, int[]> byPredicted = new TreeMap<>();
        private final List<List<String>> sampleMisses = new ArrayList<>();

        void score(AgNewsCsv.Row row, String best) {
            TopicGold.Label label = TopicGold.labelOf(sample, TopicGold.AG_NEWS_SAMPLE, row.number(), row.title());
            int set = 0;
            if (label == null) {
                label = TopicGold.labelOf(rest, TopicGold.AG_NEWS_REST, row.number(), row.title());
                set = 1;
            }
            if (label == null) {
                return;
            }
            boolean accepted = label.accepted().contains(best);
            for (int[] tally : new int[][] {counts[set], counts[2]}) {
                tally[0]++;
                tally[1] += accepted ? 1 : 0;
                tally[2] += best.equals(label.firstChoice()) ? 1 : 0;
                tally[3] += AgNewsMapping.accepts(row.label(), best) ? 1 : 0;
            }
            int[] first = byFirstChoice.computeIfAbsent(label.firstChoice(), c -> new int[2]);
            first[0]++;
            first[1] += accepted ? 1 : 0;
            int[] predicted = byPredicted.computeIfAbsent(best, c -> new int[2]);
            predicted[0]++;
            predicted[1] += accepted ? 1 : 0;
            if (set == 0 && !accepted) {
                sampleMisses.add(Report.row(String.valueOf(row.number()), row.label().title(), AgNewsMapping.shortName(best),
                        acceptedNames(label)));
            }
        }

        void report(Report report) {
            report.text("The same engine against our IPTC labels of these rows, written blind to AG's label and to the"
                    + " engine (" + TopicGold.AG_NEWS_SAMPLE.substring(1) + ", 400 rows drawn at random, not used for"
                    + " tuning; " + TopicGold.AG_NEWS_REST.substring(1) + ", the other rows, used for tuning): the"
                    + " top levels an editor would accept as the main subject, first choice first.");
            List<List<String>> table = report.table("measure", "sample", "rest", "all");
            String[] measures = {"rows", "best top level accepted (IPTC labels)", "best top level = first choice",
                "best top level accepted (AG label, as above)"};
            for (int m = 0; m < measures.length; m++) {
                List<String> cells = new ArrayList<>();
                cells.add(measures[m]);
                for (int[] tally : counts) {
                    cells.add(m == 0 ? String.valueOf(tally[0]) : Prf.percent(ratio(tally[m], tally[0])));
                }
                table.add(cells);
            }
            report.text("By top level, all labelled rows (recall: the rows whose first choice it is, with the best top"
                    + " level accepted; precision: the rows where it is the best top level, accepted):");
            List<List<String>> levels = report.table("top level", "rows", "recall", "predicted", "precision");
            Set<String> codes = new TreeSet<>(byFirstChoice.keySet());
            codes.addAll(byPredicted.keySet());
            for (String code : codes) {
                int[] first = byFirstChoice.getOrDefault(code, new int[2]);
                int[] predicted = byPredicted.getOrDefault(code, new int[2]);
                levels.add(Report.row(AgNewsMapping.shortName(code), first[0], Prf.percent(ratio(first[1], first[0])),
                        predicted[0], Prf.percent(ratio(predicted[1], predicted[0]))));
            }
            if (!sampleMisses.isEmpty()) {
                report.text("Misses in the sample:");
                report.table("row", "AG label", "predicted", "accepted").addAll(sampleMisses);
            }
        }
    }

    // --- 6. invented items for every IPTC second-level topic ----------------------------------------------

    private void fieldSection() {
        report.heading(2, "6. Invented items, three for every IPTC second-level topic");
        List<FieldItems.Item> items = FieldItems.load(FieldItems.RESOURCE);
        // Per set (tuning, held out, all) and per top level: items, best top level right, second level found.
        int[][] sets = new int[3][3];
        Map<String, int[]> byTopLevel = new TreeMap<>();
        List<List<String>> misses = new ArrayList<>();
        for (FieldItems.Item item : items) {
            ArticleIngested article;
            try {
                article = SourceDocuments.ingestEnglish(item.headline(), item.body(), "invented");
            } catch (InvalidArticleException e) {
                throw new IllegalStateException(FieldItems.RESOURCE + ": item " + item.number() + " is rejected by ingest",
                        e);
            }
            ArticleEnriched enriched = enrich(article);
            String best = TopicScoring.bestTopLevel(enriched);
            boolean right = item.topLevel().equals(best);
            boolean fieldFound = enriched != null && enriched.topics().stream().anyMatch(t -> t.code().equals(item.field()));
            for (int[] tally : new int[][] {sets[item.heldOut() ? 1 : 0], sets[2],
                    byTopLevel.computeIfAbsent(item.topLevel(), c -> new int[3])}) {
                tally[0]++;
                tally[1] += right ? 1 : 0;
                tally[2] += fieldFound ? 1 : 0;
            }
            if (!right) {
                misses.add(Report.row(String.valueOf(item.number()), label(item.field()), AgNewsMapping.shortName(best)));
            }
        }
        report.text(items.size() + " short news items invented for this project (" + FieldItems.RESOURCE.substring(1)
                + "), three for each second-level topic, written by two separate agent sessions that saw the taxonomy's"
                + " labels but neither the cue words nor the engine. Every third item was kept out of tuning. Right:"
                + " the best top level is the item's; found: its second-level code is among the topics.");
        List<List<String>> table = report.table("items", "rows", "top level right", "second level found");
        String[] names = {"tuning (2 per topic)", "held out (1 per topic)", "all"};
        for (int i = 0; i < 3; i++) {
            table.add(Report.row(names[i], sets[i][0], Prf.percent(ratio(sets[i][1], sets[i][0])),
                    Prf.percent(ratio(sets[i][2], sets[i][0]))));
        }
        List<List<String>> levels = report.table("top level", "rows", "top level right", "second level found");
        byTopLevel.forEach((code, tally) -> levels.add(Report.row(AgNewsMapping.shortName(code), tally[0],
                Prf.percent(ratio(tally[1], tally[0])), Prf.percent(ratio(tally[2], tally[0])))));
        if (!misses.isEmpty()) {
            report.text("Top level missed:");
            report.table("item", "second-level topic", "predicted").addAll(misses);
        }
    }

    private static String label(String code) {
        return MediaTopics.find(code).map(MediaTopics.Topic::label).orElse(code).strip();
    }

    /** A label's accepted top levels by short name ("politics or conflict"), for the misses tables. */
    private static String acceptedNames(TopicGold.Label label) {
        return String.join(" or ", label.accepted().stream().map(AgNewsMapping::shortName).toList());
    }


    // --- 7. seed checks ------------------------------------------------------------------------------

    private boolean seedSection() {
        report.heading(2, "7. Seed checks");
        Path seeds = options.sharedDir.resolve("samples/seeds");
        if (!Files.isDirectory(seeds)) {
            report.text("FAIL seed pages missing: " + seeds);
            return false;
        }
        List<SeedChecks.Result> results = new SeedChecks(sources, this::enrich).run(seeds);
        List<List<String>> table = report.table("result", "check", "detail");
        for (SeedChecks.Result result : results) {
            table.add(Report.row(result.passed() ? "PASS" : "FAIL", result.check(), result.detail()));
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        report.text((results.size() - failed) + " of " + results.size() + " seed checks pass.");
        return failed == 0;
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** Prints a source document as the engine sees it, with offsets, for annotators. */
    private static void show(SourceDocuments sources, String reference) {
        String[] parts = reference.split("#", 2);
        Integer number = parts.length > 1 ? Integer.valueOf(parts[1]) : null;
        boolean csv = parts[0].endsWith(".csv");
        ArticleIngested article = sources.load(parts[0], csv ? null : number, csv ? number : null);
        System.out.println("headline: " + article.headline());
        System.out.println("language: " + article.language() + "  body length: " + article.body().length());
        System.out.println(article.body());
    }

    /** Command-line options. */
    static final class Options {
        Path sharedDir = Path.of("../shared");
        Path markdown;
        boolean requireSeeds;
        int agNewsLimit;
        int conllSentences = 20;
        boolean conll = true;
        boolean agNews = true;
        String show;
        boolean entityErrors;

        static Options parse(String[] args) {
            Options options = new Options();
            boolean sharedGiven = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--markdown":
                        options.markdown = Path.of(value(args, ++i, arg));
                        break;
                    case "--require-seeds":
                        options.requireSeeds = true;
                        break;
                    case "--agnews-limit":
                        options.agNewsLimit = positive(value(args, ++i, arg), arg);
                        break;
                    case "--conll-sentences":
                        options.conllSentences = positive(value(args, ++i, arg), arg);
                        break;
                    case "--no-conll":
                        options.conll = false;
                        break;
                    case "--no-agnews":
                        options.agNews = false;
                        break;
                    case "--show":
                        options.show = value(args, ++i, arg);
                        break;
                    case "--entity-errors":
                        options.entityErrors = true;
                        break;
                    default:
                        if (arg.startsWith("--") || sharedGiven) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        options.sharedDir = Path.of(arg);
                        sharedGiven = true;
                }
            }
            return options;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int positive(String value, String option) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a positive number, not " + value);
        }
    }
}
