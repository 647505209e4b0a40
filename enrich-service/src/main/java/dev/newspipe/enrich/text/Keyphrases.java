package dev.newspipe.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newspipe.events.ArticleEnriched.Keyword;

/**
 * Keyphrases of one to three words, in the spirit of RAKE: candidates are the runs of content words
 * between stopwords, punctuation and numbers; a run longer than three words is cut into pieces of at
 * most three. A candidate scores by how often it occurs, weighted by position (headline most, then the
 * lead), plus how strongly its words recur across other candidates, with a small bonus for length.
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
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        for (Candidate c : ranked) {
            double recurrence = 0;
            for (String w : c.wordKeys) {
                recurrence += wordWeight.get(w);
            }
            recurrence /= c.wordKeys.length;
            c.score = c.weight * (1 + 0.3 * (c.wordKeys.length - 1)) + 0.5 * recurrence;
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

    private static void addRun(String text, Words words, int from, int to, boolean english, boolean headline,
            Map<String, Candidate> candidates, Map<String, Double> wordWeight) {
        for (int start = from; start < to; start += MAX_WORDS) {
            int end = Math.min(to, start + MAX_WORDS);
            String[] keys = new String[end - start];
            StringBuilder key = new StringBuilder();
            for (int k = start; k < end; k++) {
                String lower = words.lower(k);
                keys[k - start] = english ? LightStemmer.stem(lower) : lower;
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(keys[k - start]);
            }
            double weight = headline ? HEADLINE_WEIGHT : (words.start(start) < LEAD_CHARS ? LEAD_WEIGHT : 1.0);
            Candidate c = candidates.computeIfAbsent(key.toString(), x -> new Candidate(x, keys));
            c.weight += weight;
            c.surfaces.merge(surface(text, words, start, end), 1, Integer::sum);
            for (String w : keys) {
                wordWeight.merge(w, weight, Double::sum);
            }
        }
    }

    /** The phrase as written, lower-cased unless a word is capitalised inside a sentence (a name). */
    private static String surface(String text, Words words, int start, int end) {
        StringBuilder s = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (k > start) {
                s.append(' ');
            }
            String original = text.substring(words.start(k), words.end(k));
            boolean name = Character.isUpperCase(original.charAt(0)) && !sentenceStart(text, words.start(k));
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
