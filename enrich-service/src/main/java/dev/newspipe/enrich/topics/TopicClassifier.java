package dev.newspipe.enrich.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.newspipe.enrich.text.LightStemmer;
import dev.newspipe.enrich.text.Words;
import dev.newspipe.events.ArticleEnriched.MediaTopic;
import dev.newspipe.events.MediaTopics;
import dev.newspipe.events.TsvResource;

/**
 * IPTC Media Topics for an article from weighted cue phrases ({@code /topics/cues.tsv}).
 *
 * <p>Every cue occurrence adds its weight, scaled by where it stands (headline twice, the lead one
 * and a half times, deep body less), to its topic and to every broader topic above it. Repeats of
 * one cue add less than new cues, so a long article does not win a topic by repeating one word, and
 * each further cue of a topic adds less than the one before, so many common words do not outweigh a
 * few clear ones. The sums become scores in [0, 1] by saturation, and a topic that trails the best one
 * is scaled down by how far it trails. Always at least one level-1 topic for an article with any text (the best first),
 * narrower topics (levels 2 and 3) only where their own evidence is clear.
 *
 * <p>Built once, immutable afterwards, so one instance serves all threads.
 */
public final class TopicClassifier {

    public static final String DEFAULT_CUES = "/topics/cues.tsv";

    /** Level-1 topic returned when no cue matches at all: the weakest honest claim for any news text. */
    static final String FALLBACK = "medtop:08000000";

    private static final double HEADLINE_WEIGHT = 2.0;
    private static final double LEAD_WEIGHT = 1.5;
    private static final double DEEP_BODY_WEIGHT = 0.6;
    private static final int LEAD_CHARS = 350;
    private static final int DEEP_BODY_CHARS = 3000;
    /** Each repeat of a cue after its first counts this fraction of its position weight, up to REPEAT_CAP. */
    private static final double REPEAT_FRACTION = 0.35;
    private static final double REPEAT_CAP = 3.0;
    /**
     * A topic's cues count strongest first, each further cue this fraction of the one before: a field named by
     * a few clear words beats one that many common words ("percent", "rose", "company") brush against.
     */
    static final double CUE_DECAY = 0.85;
    /** Raw evidence at which a score reaches 1 - 1/e. */
    private static final double SATURATION = 6.0;
    private static final double TOP_MIN_RAW = 2.0;
    private static final double TOP_RELATIVE = 0.35;
    private static final int MAX_TOP = 4;
    private static final double NARROW_MIN_RAW = 3.0;
    private static final double NARROW_RELATIVE = 0.3;
    private static final int MAX_NARROW_PER_PARENT = 2;
    private static final int MAX_LEVEL = 3;

    private static final String ANY_LANGUAGE = "*";
    /** Cue file phrase for a result written as two small numbers joined by a dash. */
    static final String SCORELINE = "<scoreline>";

    /** A cue phrase: its words (stems for English; a trailing '*' marks a prefix) and what it points to. */
    private static final class Cue {
        final int id;
        final String phrase;
        final String[] words;
        final boolean[] prefix;
        /** Words written "=word": they must match the text's lower-cased word as it stands, not its stem. */
        final boolean[] surface;
        final Map<Integer, Double> weightByTopic = new LinkedHashMap<>();
        /** Topics this cue points to only with support: written "~word", it counts when a firm cue of the same level-1 topic fires. */
        final Set<Integer> weakTopics = new HashSet<>();
        int[] topics;
        double[] weights;
        boolean[] weak;

        Cue(int id, String phrase, String[] words, boolean[] prefix, boolean[] surface) {
            this.id = id;
            this.phrase = phrase;
            this.words = words;
            this.prefix = prefix;
            this.surface = surface;
        }

        boolean matches(String[] keys, String[] lower, int at, int limit) {
            if (at + words.length > limit) {
                return false;
            }
            for (int k = 0; k < words.length; k++) {
                boolean ok = prefix[k] ? lower[at + k].startsWith(words[k])
                        : surface[k] ? lower[at + k].equals(words[k]) : keys[at + k].equals(words[k]);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The cues of one language, indexed by their first word (exact) or its first three letters (prefix). */
    private static final class CueSet {
        final boolean stemmed;
        final Map<String, List<Cue>> byFirstWord = new HashMap<>();
        final Map<String, List<Cue>> byPrefixHead = new HashMap<>();
        final Map<String, Cue> byPhrase = new HashMap<>();
        /** The {@value #SCORELINE} pseudo-cue: a result such as "6-4" or "80-79", if the set has one. */
        Cue scoreline;

        CueSet(boolean stemmed) {
            this.stemmed = stemmed;
        }
    }

    private final String[] codes;
    private final String[] labels;
    private final int[] levels;
    /** For each topic index, its broader topics' indexes, narrowest first, the topic itself included. */
    private final int[][] chains;
    private final int[][] children;
    private final Map<String, Integer> indexByCode;
    private final Map<String, CueSet> cueSets = new HashMap<>();
    /** Cues numbered while loading; frozen into {@link #cueCount} at the end of the constructor. */
    private int cuesLoaded;
    private final int cueCount;

    public TopicClassifier() {
        this(DEFAULT_CUES);
    }

    public TopicClassifier(String cuesResource) {
        List<MediaTopics.Topic> all = MediaTopics.all();
        Map<String, Integer> index = new HashMap<>();
        codes = new String[all.size()];
        labels = new String[all.size()];
        levels = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            MediaTopics.Topic t = all.get(i);
            index.put(t.code(), i);
            codes[i] = t.code();
            labels[i] = t.label().strip();
            levels[i] = t.level();
        }
        chains = new int[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            List<MediaTopics.Topic> chain = MediaTopics.withAncestors(codes[i]);
            chains[i] = chain.stream().mapToInt(t -> index.get(t.code())).toArray();
        }
        children = new int[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            children[i] = MediaTopics.children(codes[i]).stream().mapToInt(index::get).toArray();
        }
        load(cuesResource, index);
        cueCount = cuesLoaded;
        indexByCode = Map.copyOf(index);
    }

    private void load(String resource, Map<String, Integer> index) {
        int line = 0;
        for (String[] cols : TsvResource.rows(TopicClassifier.class, resource)) {
            line++;
            if (cols.length != 4) {
                throw new IllegalStateException(resource + ": row " + line + " needs 4 tab-separated columns");
            }
            Integer topic = index.get(cols[0].strip());
            if (topic == null) {
                throw new IllegalStateException(resource + ": unknown Media Topic " + cols[0]);
            }
            double weight = Double.parseDouble(cols[1].strip());
            String language = cols[2].strip();
            CueSet set = cueSets.computeIfAbsent(language, l -> new CueSet("en".equals(l)));
            for (String phrase : cols[3].split("\\|")) {
                String written = phrase.strip().toLowerCase(Locale.ROOT);
                boolean weak = written.startsWith("~");
                if (weak) {
                    written = written.substring(1).strip();
                }
                if (!written.isEmpty()) {
                    Cue cue = cue(set, written);
                    cue.weightByTopic.put(topic, weight);
                    if (weak) {
                        cue.weakTopics.add(topic);
                    } else {
                        cue.weakTopics.remove(topic);
                    }
                }
            }
        }
        for (CueSet set : cueSets.values()) {
            for (Cue cue : set.byPhrase.values()) {
                cue.topics = cue.weightByTopic.keySet().stream().mapToInt(Integer::intValue).toArray();
                cue.weights = cue.weightByTopic.values().stream().mapToDouble(Double::doubleValue).toArray();
                cue.weak = new boolean[cue.topics.length];
                for (int t = 0; t < cue.topics.length; t++) {
                    cue.weak[t] = cue.weakTopics.contains(cue.topics[t]);
                }
            }
        }
    }

    private Cue cue(CueSet set, String phrase) {
        Cue existing = set.byPhrase.get(phrase);
        if (existing != null) {
            return existing;
        }
        if (phrase.equals(SCORELINE)) {
            set.scoreline = new Cue(cuesLoaded++, phrase, new String[0], new boolean[0], new boolean[0]);
            set.byPhrase.put(phrase, set.scoreline);
            return set.scoreline;
        }
        List<String> words = new ArrayList<>();
        List<Boolean> prefixes = new ArrayList<>();
        List<Boolean> surfaces = new ArrayList<>();
        for (String part : phrase.split("\\s+")) {
            boolean prefix = part.endsWith("*");
            boolean surface = !prefix && part.startsWith("=");
            Words tokens = Words.of(prefix ? part.substring(0, part.length() - 1) : surface ? part.substring(1) : part);
            for (int i = 0; i < tokens.size(); i++) {
                boolean last = i == tokens.size() - 1;
                String w = tokens.lower(i);
                words.add(set.stemmed && !(prefix && last) && !surface ? LightStemmer.stem(w) : w);
                prefixes.add(prefix && last);
                surfaces.add(surface);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("cue without words: " + phrase);
        }
        boolean[] prefix = new boolean[prefixes.size()];
        boolean[] surface = new boolean[surfaces.size()];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = prefixes.get(i);
            surface[i] = surfaces.get(i);
        }
        Cue cue = new Cue(cuesLoaded++, phrase, words.toArray(String[]::new), prefix, surface);
        set.byPhrase.put(phrase, cue);
        if (prefix[0]) {
            if (words.get(0).length() < 3) {
                throw new IllegalStateException("prefix cue shorter than three letters: " + phrase);
            }
            set.byPrefixHead.computeIfAbsent(words.get(0).substring(0, 3), k -> new ArrayList<>()).add(cue);
        } else {
            // The text is looked up by its keys (stems in a stemmed set), so a surface word files under its stem.
            String head = surface[0] && set.stemmed ? LightStemmer.stem(words.get(0)) : words.get(0);
            set.byFirstWord.computeIfAbsent(head, k -> new ArrayList<>()).add(cue);
        }
        return cue;
    }

    /**
     * Media Topics for an article, level-1 topics by descending score, each followed by its narrower
     * topics. Never empty when headline or body holds a word; never throws on odd input.
     */
    public List<MediaTopic> classify(String headline, String body, String languageCode) {
        return topics(score(headline, body, languageCode), Map.of());
    }

    /** The evidence of one article, scanned once: {@link #topics} turns it into topics, with or without more evidence. */
    public static final class Scores {
        private final double[] raw;
        private final boolean anyWords;

        private Scores(double[] raw, boolean anyWords) {
            this.raw = raw;
            this.anyWords = anyWords;
        }
    }

    public Scores score(String headline, String body, String languageCode) {
        return scan(headline, body, languageCode, null);
    }

    /**
     * Topics from scanned evidence plus evidence from elsewhere, in cue-weight units per Media Topic code (a known
     * sports club named in the article counts like a clear sport word); codes that do not exist are ignored.
     */
    public List<MediaTopic> topics(Scores scores, Map<String, Double> extraByCode) {
        return topics(scores, extraByCode, Map.of());
    }

    /**
     * Topics as {@link #topics(Scores, Map)}, with level-1 votes (cue-weight units per level-1 code) that count in
     * ranking and scoring the level-1 topics only: a narrower topic is still judged against its field's own
     * evidence, so a vote for a field does not crowd out the field's narrower topics.
     */
    public List<MediaTopic> topics(Scores scores, Map<String, Double> extraByCode, Map<String, Double> topLevelVotes) {
        double[] basis = withExtra(scores, extraByCode);
        double[] rank = basis;
        if (!topLevelVotes.isEmpty()) {
            rank = basis.clone();
            for (Map.Entry<String, Double> vote : topLevelVotes.entrySet()) {
                Integer topic = indexByCode.get(vote.getKey());
                if (topic != null && levels[topic] == 1) {
                    rank[topic] += vote.getValue();
                }
            }
        }
        return select(basis, rank, scores.anyWords);
    }

    /**
     * How far the best level-1 topic's evidence (cue-weight units, the extra evidence included) is ahead of the
     * second's; the best one's whole evidence when no other level-1 topic has any, 0 when none has any.
     */
    public double leadOfBest(Scores scores, Map<String, Double> extraByCode) {
        double[] raw = withExtra(scores, extraByCode);
        double best = 0;
        double second = 0;
        for (int i = 0; i < codes.length; i++) {
            if (levels[i] == 1 && raw[i] > second) {
                second = Math.min(best, raw[i]);
                best = Math.max(best, raw[i]);
            }
        }
        return best - second;
    }

    private double[] withExtra(Scores scores, Map<String, Double> extraByCode) {
        double[] raw = scores.raw;
        if (!extraByCode.isEmpty()) {
            raw = raw.clone();
            for (Map.Entry<String, Double> extra : extraByCode.entrySet()) {
                Integer topic = indexByCode.get(extra.getKey());
                if (topic != null) {
                    for (int t : chains[topic]) {
                        raw[t] += extra.getValue();
                    }
                }
            }
        }
        return raw;
    }

    /**
     * The cues that matched, one line each (phrase, evidence, topics), for whoever tunes the cue file:
     * see {@code TopicExplain} in the tests.
     */
    public List<String> explain(String headline, String body, String languageCode) {
        List<String> lines = new ArrayList<>();
        scan(headline, body, languageCode, lines);
        return lines;
    }

    private Scores scan(String headline, String body, String languageCode, List<String> explanation) {
        double[] raw = new double[codes.length];
        Evidence evidence = new Evidence(cueCount);
        List<CueSet> sets = setsFor(languageCode);
        boolean anyWords = false;
        if (headline != null && !headline.isBlank()) {
            anyWords |= scan(headline, sets, evidence, true);
        }
        if (body != null && !body.isBlank()) {
            anyWords |= scan(body, sets, evidence, false);
        }
        evidence.addTo(raw, this);
        if (explanation != null) {
            for (int c = 0; c < evidence.touchedCount; c++) {
                Cue cue = evidence.touched[c];
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s best %.1f sum %.1f ->", cue.phrase,
                        evidence.best[cue.id], evidence.sum[cue.id]));
                for (int t = 0; t < cue.topics.length; t++) {
                    line.append(' ').append(codes[cue.topics[t]]).append('*').append(cue.weights[t]).append(cue.weak[t] ? "~" : "");
                }
                explanation.add(line.toString());
            }
        }
        return new Scores(raw, anyWords);
    }

    /** Per cue: best position weight and the sum of all of them. */
    private static final class Evidence {
        final double[] best;
        final double[] sum;
        final Cue[] touched;
        int touchedCount;

        Evidence(int cues) {
            best = new double[cues];
            sum = new double[cues];
            touched = new Cue[cues];
        }

        void add(Cue cue, double positionWeight) {
            if (sum[cue.id] == 0) {
                touched[touchedCount++] = cue;
            }
            sum[cue.id] += positionWeight;
            best[cue.id] = Math.max(best[cue.id], positionWeight);
        }

        void addTo(double[] raw, TopicClassifier classifier) {
            // Top-level topics that some firm cue points into: only those take their weak cues.
            boolean[] firmTop = new boolean[raw.length];
            for (int c = 0; c < touchedCount; c++) {
                Cue cue = touched[c];
                for (int t = 0; t < cue.topics.length; t++) {
                    if (cue.weights[t] > 0 && !cue.weak[t]) {
                        firmTop[classifier.topOf(cue.topics[t])] = true;
                    }
                }
            }
            // Each topic's positive evidence, one entry per cue, summed strongest first (see CUE_DECAY).
            Map<Integer, List<Double>> byTopic = new HashMap<>();
            for (int c = 0; c < touchedCount; c++) {
                Cue cue = touched[c];
                double amount = best[cue.id] + REPEAT_FRACTION * Math.min(REPEAT_CAP, sum[cue.id] - best[cue.id]);
                for (int t = 0; t < cue.topics.length; t++) {
                    double w = cue.weights[t] * amount;
                    if (cue.weak[t] && !firmTop[classifier.topOf(cue.topics[t])]) {
                        w = 0;
                    }
                    if (w != 0) {
                        for (int topic : classifier.chains[cue.topics[t]]) {
                            if (w > 0) {
                                byTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(w);
                            } else {
                                raw[topic] += w;
                            }
                        }
                    }
                }
            }
            for (Map.Entry<Integer, List<Double>> entry : byTopic.entrySet()) {
                List<Double> amounts = entry.getValue();
                amounts.sort(Comparator.reverseOrder());
                double factor = 1;
                double total = 0;
                for (double amount : amounts) {
                    total += amount * factor;
                    factor *= CUE_DECAY;
                }
                raw[entry.getKey()] += total;
            }
        }
    }

    /** The level-1 topic above a topic (the last of its chain). */
    private int topOf(int topic) {
        int[] chain = chains[topic];
        return chain[chain.length - 1];
    }

    private List<CueSet> setsFor(String languageCode) {
        String language = languageCode == null ? "" : languageCode.strip().toLowerCase(Locale.ROOT);
        int dash = language.indexOf('-');
        if (dash > 0) {
            language = language.substring(0, dash);
        }
        if (language.equals("nb") || language.equals("nn")) {
            language = "no";
        }
        if (language.isEmpty() || language.equals("und")) {
            language = "en";
        }
        List<CueSet> sets = new ArrayList<>(2);
        CueSet own = cueSets.get(language);
        if (own != null) {
            sets.add(own);
        }
        CueSet any = cueSets.get(ANY_LANGUAGE);
        if (any != null) {
            sets.add(any);
        }
        return sets;
    }

    private boolean scan(String text, List<CueSet> sets, Evidence evidence, boolean headline) {
        Words words = Words.of(text);
        int n = words.size();
        if (n == 0) {
            return false;
        }
        String[] lower = new String[n];
        String[] stems = null;
        for (int i = 0; i < n; i++) {
            lower[i] = words.lower(i);
        }
        for (CueSet set : sets) {
            String[] keys = lower;
            if (set.stemmed) {
                if (stems == null) {
                    stems = new String[n];
                    for (int i = 0; i < n; i++) {
                        stems[i] = LightStemmer.stem(lower[i]);
                    }
                }
                keys = stems;
            }
            if (set.scoreline != null) {
                for (int i = 0; i + 1 < n; i++) {
                    if (isScoreline(text, words, lower, i)) {
                        evidence.add(set.scoreline, headline ? HEADLINE_WEIGHT : bodyWeight(words.start(i)));
                    }
                }
            }
            int i = 0;
            while (i < n) {
                Cue longest = longestAt(set, keys, lower, i, n);
                if (longest == null) {
                    i++;
                    continue;
                }
                evidence.add(longest, headline ? HEADLINE_WEIGHT : bodyWeight(words.start(i)));
                i += longest.words.length;
            }
        }
        return true;
    }

    private static boolean isScoreline(String text, Words words, String[] lower, int i) {
        int dash = words.end(i);
        if (words.start(i + 1) != dash + 1 || !isDash(text.charAt(dash))) {
            return false;
        }
        // Two numbers inside a longer dash-joined chain are no result: a date ("1996-08-31"), a code, a phone number.
        int start = words.start(i);
        int after = words.end(i + 1);
        if ((start > 0 && isDash(text.charAt(start - 1)))
                || (after + 1 < text.length() && isDash(text.charAt(after)) && Character.isDigit(text.charAt(after + 1)))) {
            return false;
        }
        return smallNumber(lower[i]) && smallNumber(lower[i + 1]);
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013';
    }

    private static boolean smallNumber(String word) {
        if (word.isEmpty() || word.length() > 3) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) < '0' || word.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Cue longestAt(CueSet set, String[] keys, String[] lower, int at, int limit) {
        Cue longest = null;
        List<Cue> exact = set.byFirstWord.get(keys[at]);
        if (exact != null) {
            for (Cue cue : exact) {
                if ((longest == null || cue.words.length > longest.words.length) && cue.matches(keys, lower, at, limit)) {
                    longest = cue;
                }
            }
        }
        if (lower[at].length() >= 3 && !set.byPrefixHead.isEmpty()) {
            List<Cue> prefixed = set.byPrefixHead.get(lower[at].substring(0, 3));
            if (prefixed != null) {
                for (Cue cue : prefixed) {
                    if ((longest == null || cue.words.length > longest.words.length) && cue.matches(keys, lower, at, limit)) {
                        longest = cue;
                    }
                }
            }
        }
        return longest;
    }

    private static double bodyWeight(int offset) {
        if (offset < LEAD_CHARS) {
            return LEAD_WEIGHT;
        }
        return offset < DEEP_BODY_CHARS ? 1.0 : DEEP_BODY_WEIGHT;
    }

    /** Level-1 topics ranked and scored by {@code rank}; their narrower topics judged by {@code basis}. */
    private List<MediaTopic> select(double[] basis, double[] rank, boolean anyWords) {
        List<Integer> tops = new ArrayList<>();
        double bestBasis = 0;
        for (int i = 0; i < codes.length; i++) {
            if (levels[i] == 1 && rank[i] > 0) {
                tops.add(i);
                bestBasis = Math.max(bestBasis, basis[i]);
            }
        }
        tops.sort(Comparator.comparingDouble((Integer i) -> -rank[i]).thenComparing(i -> codes[i]));
        if (tops.isEmpty()) {
            if (!anyWords) {
                return List.of();
            }
            int fallback = Arrays.asList(codes).indexOf(FALLBACK);
            return List.of(new MediaTopic(codes[fallback], labels[fallback], 0.05, 1));
        }
        double best = rank[tops.get(0)];
        List<MediaTopic> result = new ArrayList<>();
        int kept = 0;
        for (int top : tops) {
            boolean first = kept == 0;
            if (!first && (kept >= MAX_TOP || rank[top] < TOP_MIN_RAW || rank[top] < TOP_RELATIVE * best)) {
                break;
            }
            kept++;
            result.add(topic(top, rank, best));
            addNarrower(top, basis, bestBasis, result);
        }
        return List.copyOf(result);
    }

    private void addNarrower(int broader, double[] raw, double best, List<MediaTopic> result) {
        if (levels[broader] >= MAX_LEVEL) {
            return;
        }
        List<Integer> narrower = new ArrayList<>();
        for (int i : children[broader]) {
            if (raw[i] >= NARROW_MIN_RAW && raw[i] >= NARROW_RELATIVE * raw[broader]) {
                narrower.add(i);
            }
        }
        narrower.sort(Comparator.comparingDouble((Integer i) -> -raw[i]).thenComparing(i -> codes[i]));
        for (int i = 0; i < Math.min(MAX_NARROW_PER_PARENT, narrower.size()); i++) {
            int topic = narrower.get(i);
            result.add(topic(topic, raw, best));
            addNarrower(topic, raw, best, result);
        }
    }

    private MediaTopic topic(int i, double[] raw, double best) {
        double saturated = 1 - Math.exp(-raw[i] / SATURATION);
        double score = saturated * Math.sqrt(Math.min(1.0, raw[i] / best));
        return new MediaTopic(codes[i], labels[i], Math.round(score * 1000) / 1000.0, levels[i]);
    }
}
