package dev.newspipe.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newspipe.events.ArticleEnriched.Keyword;

/**
 * Keyphrases of one to three words, in the spirit of RAKE: candidates are the runs of content words
 * between stopwords, punctuation and numbers (up to three words), each content word alone, and the word
 * pairs inside longer runs (verbs are not stopwords, so "bridge starts" hides "harbour bridge"). A candidate scores by how often it occurs, weighted by position (headline most,
 * then the lead); a phrase of several words must occur twice, gains for its length and loses when its
 * words mostly occur without it.
 * English words are merged over light stems so "drone" and "drones" count together; the most frequent
 * surface form is shown. Phrases that contain, or are contained in, a better one are dropped, so the list
 * covers different things. Scores are relative to the best phrase, in [0, 1]. Stateless and thread-safe.
 */
public final class Keyphrases {

    private static final double HEADLINE_WEIGHT = 3.0;
    private static final double LEAD_WEIGHT = 1.5;
    private static final int LEAD_CHARS = 400;
    private static final int MAX_WORDS = 3;

    private static final class Candidate {
        final String key;
        final String[] wordKeys;
        final Map<String, Integer> surfaces = new HashMap<>();
        double weight;
        double score;
        int occurrences;

        Candidate(String key, String[] wordKeys) {
            this.key = key;
            this.wordKeys = wordKeys;
        }

        String text() {
            String best = null;
            int count = -1;
            for (Map.Entry<String, Integer> e : surfaces.entrySet()) {
                if (e.getValue() > count || (e.getValue() == count && e.getKey().compareTo(best) < 0)) {
                    best = e.getKey();
                    count = e.getValue();
                }
            }
            return best;
        }
    }

    public List<Keyword> extract(String headline, String body, String languageCode, int max) {
        if (max <= 0) {
            return List.of();
        }
        Set<String> stopwords = Stopwords.of(languageCode);
        // unknown languages fall back to the English list, and so to English stems
        boolean english = stopwords == Stopwords.of("en");
        Map<String, Candidate> candidates = new HashMap<>();
        Map<String, Double> wordWeight = new HashMap<>();
        if (headline != null) {
            collect(headline, stopwords, english, true, candidates, wordWeight);
        }
        if (body != null) {
            collect(body, stopwords, english, false, candidates, wordWeight);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            if (c.wordKeys.length == 1) {
                c.score = c.weight;
            } else if (c.occurrences >= 2) {
                // a phrase scores by its own weight, more for length, less when its words mostly occur without it
                double weakestWord = Double.MAX_VALUE;
                for (String w : c.wordKeys) {
                    weakestWord = Math.min(weakestWord, wordWeight.get(w));
                }
                double cohesion = Math.min(1.0, c.weight / weakestWord);
                c.score = c.weight * (1 + 0.3 * (c.wordKeys.length - 1)) * cohesion;
            } else {
                continue;
            }
            ranked.add(c);
        }
        if (ranked.isEmpty()) {
            return List.of();
        }
        ranked.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : a.key.compareTo(b.key));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : ranked) {
            if (chosen.size() == max) {
                break;
            }
            boolean overlaps = false;
            for (Candidate d : chosen) {
                if (contains(d.wordKeys, c.wordKeys) || contains(c.wordKeys, d.wordKeys)) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                chosen.add(c);
            }
        }
        double top = chosen.get(0).score;
        List<Keyword> keywords = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            keywords.add(new Keyword(c.text(), Math.round(c.score / top * 1000) / 1000.0));
        }
        return keywords;
    }

    private static void collect(String text, Set<String> stopwords, boolean english, boolean headline,
            Map<String, Candidate> candidates, Map<String, Double> wordWeight) {
        Words words = Words.of(text);
        int n = words.size();
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (!contentWord(words.lower(i), stopwords)) {
                addRun(text, words, runStart, i, english, headline, candidates, wordWeight);
                runStart = i + 1;
            } else if (i > runStart && punctuationBetween(text, words.end(i - 1), words.start(i))) {
                addRun(text, words, runStart, i, english, headline, candidates, wordWeight);
                runStart = i;
            }
        }
        addRun(text, words, runStart, n, english, headline, candidates, wordWeight);
    }

    /** A run of up to three words is a candidate (RAKE), and so are its words and, in longer runs, its word pairs. */
    private static void addRun(String text, Words words, int from, int to, boolean english, boolean headline,
            Map<String, Candidate> candidates, Map<String, Double> wordWeight) {
        if (to <= from) {
            return;
        }
        double weight = headline ? HEADLINE_WEIGHT : (words.start(from) < LEAD_CHARS ? LEAD_WEIGHT : 1.0);
        for (int k = from; k < to; k++) {
            wordWeight.merge(key(words, k, english), weight, Double::sum);
            if (to - from > 1) {
                // every content word is a candidate too: without parts of speech, verbs stay inside runs ("hit Kyiv"),
                // and the name alone must still be able to win
                addCandidate(text, words, k, k + 1, english, headline, weight, candidates);
            }
        }
        if (to - from > 2) {
            for (int start = from; start + 2 <= to; start++) {
                addCandidate(text, words, start, start + 2, english, headline, weight, candidates);
            }
        }
        if (to - from <= MAX_WORDS) {
            addCandidate(text, words, from, to, english, headline, weight, candidates);
        }
    }

    private static Candidate addCandidate(String text, Words words, int start, int end, boolean english, boolean headline,
            double weight, Map<String, Candidate> candidates) {
        String[] keys = new String[end - start];
        for (int k = start; k < end; k++) {
            keys[k - start] = key(words, k, english);
        }
        Candidate c = candidates.computeIfAbsent(String.join(" ", keys), x -> new Candidate(x, keys));
        c.weight += weight;
        c.occurrences++;
        // a spelling seen inside a sentence shows real capitalisation; one from a headline or a sentence start may not,
        // so it counts only when the phrase is never seen inside a sentence
        boolean trusted = !headline && !sentenceStart(text, words.start(start));
        c.surfaces.merge(surface(text, words, start, end, trusted), trusted ? 1000 : 1, Integer::sum);
        return c;
    }

    private static String key(Words words, int k, boolean english) {
        return english ? LightStemmer.stem(words.lower(k)) : words.lower(k);
    }

    /** The phrase as written when its case is trusted, else lower-cased but for acronyms. */
    private static String surface(String text, Words words, int start, int end, boolean trusted) {
        StringBuilder s = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (k > start) {
                s.append(' ');
            }
            String original = text.substring(words.start(k), words.end(k));
            boolean name = trusted && Character.isUpperCase(original.charAt(0));
            boolean acronym = original.length() > 1 && original.equals(original.toUpperCase(java.util.Locale.ROOT));
            s.append(name || acronym ? original : words.lower(k));
        }
        return s.toString();
    }

    private static boolean sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
                return true;
            }
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contentWord(String lower, Set<String> stopwords) {
        if (lower.length() < 2 || stopwords.contains(lower.replace('\u2019', '\''))) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isLetter(lower.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Anything but spaces and joining hyphens between two words ends a phrase. */
    private static boolean punctuationBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '\'' && c != '\u2019') {
                return true;
            }
            if (c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] outer, String[] inner) {
        if (inner.length > outer.length) {
            return false;
        }
        for (int start = 0; start + inner.length <= outer.length; start++) {
            boolean all = true;
            for (int k = 0; k < inner.length && all; k++) {
                all = outer[start + k].equals(inner[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
