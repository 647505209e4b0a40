package dev.newspipe.enrich;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.newspipe.events.ArticleEnriched;
import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Keyword;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleEnriched.Quote;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.events.TsvResource;

/**
 * The walking skeleton's enrichment: a small gazetteer for entities, keyword cues for top-level IPTC
 * Media Topics, frequent terms as keywords, lead sentences as summary, quoted passages, a stop-word
 * language guess and a SimHash/MinHash signature. Deliberately simple and honest about it
 * ({@link #VERSION}); the real engine replaces it behind the same event contract.
 */
public class BaselineEnricher {

    public static final String VERSION = "0.1.0-baseline";

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{Mn}'-]*");
    private static final Pattern QUOTE = Pattern.compile("\"([^\"]{20,})\"");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\"\\p{Lu}])");
    private static final Set<String> ENGLISH_STOPWORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in",
            "on", "for", "with", "at", "by", "from", "is", "are", "was", "were", "be", "been", "has", "have", "had",
            "that", "this", "it", "its", "as", "not", "but", "he", "she", "they", "we", "his", "her", "their", "said",
            "will", "would", "which", "who", "after", "than", "also", "more", "about", "into", "over", "there");

    /** Top-level IPTC Media Topics with cue words (a word stem matches words that start with it). */
    private static final List<TopicCues> TOPICS = List.of(
            new TopicCues("medtop:16000000", "conflicts, war and peace",
                    "war", "drone", "missile", "military", "troops", "attack", "strike", "army", "invasion", "ceasefire", "weapon"),
            new TopicCues("medtop:11000000", "politics",
                    "government", "minister", "president", "election", "parliament", "sanction", "diplomat", "policy", "senate", "spokesperson"),
            new TopicCues("medtop:02000000", "crime, law and justice",
                    "police", "court", "arrest", "scam", "fraud", "crime", "criminal", "trafficking", "prosecutor", "judge", "prison"),
            new TopicCues("medtop:04000000", "economy, business and finance",
                    "market", "company", "shares", "economy", "economic", "bank", "profit", "investor", "trade", "price", "revenue"),
            new TopicCues("medtop:15000000", "sport",
                    "match", "goal", "league", "championship", "tournament", "coach", "season", "player", "olympic", "cup"),
            new TopicCues("medtop:13000000", "science and technology",
                    "technology", "software", "research", "scientist", "digital", "satellite", "computer", "internet", "artificial"),
            new TopicCues("medtop:07000000", "health",
                    "health", "hospital", "disease", "vaccine", "patient", "medical", "virus", "doctor", "outbreak"),
            new TopicCues("medtop:03000000", "disaster, accident and emergency incident",
                    "earthquake", "flood", "storm", "fire", "accident", "crash", "rescue", "emergency", "disaster"),
            new TopicCues("medtop:06000000", "environment",
                    "climate", "emission", "pollution", "environment", "wildlife", "forest", "renewable"));

    private record TopicCues(String code, String label, String... stems) {
    }

    private record GazetteerEntry(String id, EntityType type, String name) {
    }

    private final Map<String, GazetteerEntry> byAlias;
    private final Pattern aliasPattern;
    private final Clock clock;

    public BaselineEnricher(Clock clock) {
        this.clock = clock;
        this.byAlias = loadGazetteer("/baseline/gazetteer.tsv");
        String alternation = byAlias.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.aliasPattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])");
    }

    public ArticleEnriched enrich(ArticleIngested article) {
        if (article.body() == null || article.body().isBlank()) {
            throw new IllegalArgumentException("article " + article.id() + " has no body to enrich");
        }
        if (article.headline() == null) {
            throw new IllegalArgumentException("article " + article.id() + " has no headline to enrich");
        }
        String body = article.body();
        List<String> words = words(article.headline() + "\n" + body);
        return new ArticleEnriched(article, VERSION, clock.instant(),
                language(words),
                entities(article.headline(), body),
                topics(words),
                keywords(words),
                summary(body),
                quotes(body),
                StorySignatures.of(words));
    }

    private List<Entity> entities(String headline, String body) {
        Map<GazetteerEntry, List<Mention>> found = new LinkedHashMap<>();
        Matcher m = aliasPattern.matcher(body);
        while (m.find()) {
            found.computeIfAbsent(byAlias.get(m.group()), e -> new ArrayList<>())
                    .add(new Mention(m.group(), m.start(), m.end()));
        }
        Set<GazetteerEntry> inHeadline = new java.util.HashSet<>();
        Matcher h = aliasPattern.matcher(headline);
        while (h.find()) {
            inHeadline.add(byAlias.get(h.group()));
        }
        for (GazetteerEntry entry : inHeadline) {
            found.putIfAbsent(entry, new ArrayList<>());
        }
        int lead = Math.min(body.length(), 400);
        List<Entity> entities = new ArrayList<>();
        for (var e : found.entrySet()) {
            List<Mention> mentions = e.getValue();
            int count = mentions.size() + (inHeadline.contains(e.getKey()) ? 1 : 0);
            boolean inLead = mentions.stream().anyMatch(mention -> mention.start() < lead);
            double salience = Math.min(1.0, 0.15 * count + (inHeadline.contains(e.getKey()) ? 0.4 : 0) + (inLead ? 0.2 : 0));
            entities.add(new Entity(e.getKey().id(), e.getKey().type(), e.getKey().name(), mentions, count,
                    round(salience)));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
        return entities;
    }

    private static List<MediaTopic> topics(List<String> words) {
        Map<TopicCues, Integer> hits = new LinkedHashMap<>();
        for (String word : words) {
            for (TopicCues topic : TOPICS) {
                for (String stem : topic.stems()) {
                    if (word.startsWith(stem)) {
                        hits.merge(topic, 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        int total = hits.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return List.of();
        }
        int best = hits.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return hits.entrySet().stream()
                .filter(e -> e.getValue() * 3 >= best && e.getValue() >= 2 || e.getValue() == best)
                .sorted(Map.Entry.<TopicCues, Integer>comparingByValue().reversed())
                .limit(3)
                .map(e -> new MediaTopic(e.getKey().code(), e.getKey().label(), round((double) e.getValue() / total), 1))
                .toList();
    }

    private static List<Keyword> keywords(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            if (word.length() > 3 && !ENGLISH_STOPWORDS.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .map(e -> new Keyword(e.getKey(), round((double) e.getValue() / max)))
                .toList();
    }

    private static String summary(String body) {
        String firstParagraph = body.split("\n\n", 2)[0];
        String[] sentences = SENTENCE_END.split(firstParagraph, 3);
        return sentences.length >= 2 ? sentences[0] + " " + sentences[1] : sentences[0];
    }

    private static List<Quote> quotes(String body) {
        List<Quote> quotes = new ArrayList<>();
        Matcher m = QUOTE.matcher(body);
        while (m.find()) {
            quotes.add(new Quote(m.group(1), m.start(1), m.end(1), null, null));
        }
        return quotes;
    }

    private static DetectedLanguage language(List<String> words) {
        if (words.isEmpty()) {
            return new DetectedLanguage("und", 0);
        }
        long stop = words.stream().filter(ENGLISH_STOPWORDS::contains).count();
        double ratio = (double) stop / words.size();
        return ratio >= 0.12 ? new DetectedLanguage("en", round(Math.min(1.0, ratio * 3))) : new DetectedLanguage("und", 0);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, GazetteerEntry> loadGazetteer(String resource) {
        Map<String, GazetteerEntry> byAlias = new HashMap<>();
        for (String[] cols : TsvResource.rows(BaselineEnricher.class, resource)) {
            EntityType type = EntityType.valueOf(cols[1]);
            String name = cols[2];
            GazetteerEntry entry = new GazetteerEntry("-".equals(cols[0]) ? slug(type, name) : cols[0], type, name);
            byAlias.put(name, entry);
            if (cols.length > 3 && !cols[3].isBlank()) {
                for (String alias : cols[3].split("\\|")) {
                    byAlias.put(alias.strip(), entry);
                }
            }
        }
        return byAlias;
    }

    /** Deterministic id of an entity that has no Wikidata id: type and ASCII-folded name. */
    static String slug(EntityType type, String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return type.name().toLowerCase(Locale.ROOT) + ":" + ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }
}
