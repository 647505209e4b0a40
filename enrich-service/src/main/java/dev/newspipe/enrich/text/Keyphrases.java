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
        /** Where the phrase was first seen inside a sentence (trusted case), and first seen at all. */
        String trustedText;
        int trustedStart = -1;
        int trustedEnd;
        String anyText;
        int anyStart = -1;
        int anyEnd;
        double weight;
        double score;
        int occurrences;

        Candidate(String key, String[] wordKeys) {
            this.key = key;
            this.wordKeys = wordKeys;
        }

        String text() {
            return trustedStart >= 0 ? surface(trustedText, trustedStart, trustedEnd, true) : surface(anyText, anyStart, anyEnd, false);
        }
    }

    public List<Keyword> extract(String headline, String body, String languageCode, int max) {
        if (max <= 0) {
            return List.of();
        }
        Set<String> stopwords = Stopwords.of(languageCode);
        // unknown languages fall back to the English list, and so to English stems
        boolean english = stopwords == Stopwords.of("en");
        Map<String, Candidate> candidates = new HashMap<>(1024);
        Map<String, Double> wordWeight = new HashMap<>(512);
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
        String[] keys = new String[n];
        boolean[] content = new boolean[n];
        for (int i = 0; i < n; i++) {
            content[i] = contentWord(words.lower(i), stopwords);
            if (content[i]) {
                keys[i] = english ? LightStemmer.stem(words.lower(i)) : words.lower(i);
            }
        }
        Run run = new Run(text, words, keys, headline, candidates, wordWeight);
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (!content[i]) {
                run.add(runStart, i);
                runStart = i + 1;
            } else if (i > runStart && punctuationBetween(text, words.end(i - 1), words.start(i))) {
                run.add(runStart, i);
                runStart = i;
            }
        }
        run.add(runStart, n);
    }

    /** The words of one text, turning runs of content words into candidates. */
    private record Run(String text, Words words, String[] keys, boolean headline, Map<String, Candidate> candidates,
            Map<String, Double> wordWeight) {

        /** A run of up to three words is a candidate (RAKE), and so are its words and, in longer runs, its word pairs. */
        void add(int from, int to) {
            if (to <= from) {
                return;
            }
            double weight = headline ? HEADLINE_WEIGHT : (words.start(from) < LEAD_CHARS ? LEAD_WEIGHT : 1.0);
            for (int k = from; k < to; k++) {
                wordWeight.merge(keys[k], weight, Double::sum);
                if (to - from > 1) {
                    // every content word is a candidate too: without parts of speech, verbs stay inside runs ("hit Kyiv"),
                    // and the name alone must still be able to win
                    candidate(k, k + 1, weight);
                }
            }
            if (to - from > 2) {
                for (int start = from; start + 2 <= to; start++) {
                    candidate(start, start + 2, weight);
                }
            }
            if (to - from <= MAX_WORDS) {
                candidate(from, to, weight);
            }
        }

        private void candidate(int start, int end, double weight) {
            String key = end - start == 1 ? keys[start] : join(start, end);
            Candidate c = candidates.get(key);
            if (c == null) {
                c = new Candidate(key, java.util.Arrays.copyOfRange(keys, start, end));
                candidates.put(key, c);
            }
            c.weight += weight;
            c.occurrences++;
            // a spelling seen inside a sentence shows real capitalisation; one from a headline or a sentence start may not
            if (c.trustedStart < 0 && !headline && !sentenceStart(text, words.start(start))) {
                c.trustedText = text;
                c.trustedStart = words.start(start);
                c.trustedEnd = words.end(end - 1);
            }
            if (c.anyStart < 0) {
                c.anyText = text;
                c.anyStart = words.start(start);
                c.anyEnd = words.end(end - 1);
            }
        }

        private String join(int start, int end) {
            StringBuilder b = new StringBuilder(keys[start]);
            for (int k = start + 1; k < end; k++) {
                b.append(' ').append(keys[k]);
            }
            return b.toString();
        }
    }

    /** The phrase as written when its case is trusted, else lower-cased but for acronyms ("UAVs", "US"). */
    private static String surface(String text, int start, int end, boolean trusted) {
        Words words = Words.of(text.substring(start, end));
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < words.size(); k++) {
            if (k > 0) {
                s.append(' ');
            }
            String original = text.substring(start + words.start(k), start + words.end(k));
            boolean keep = trusted ? Character.isUpperCase(original.charAt(0)) : acronym(original);
            s.append(keep ? original : words.lower(k));
        }
        return s.toString();
    }

    private static boolean acronym(String word) {
        int upper = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2 && Character.isUpperCase(word.charAt(0));
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
