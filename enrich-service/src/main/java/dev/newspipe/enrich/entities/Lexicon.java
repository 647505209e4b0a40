package dev.newspipe.enrich.entities;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newspipe.events.TsvResource;

/** The contextual cue word lists of {@code kb/lexicon.tsv}, looked up by token key. */
final class Lexicon {

    final Set<String> titles;
    final Set<String> titleModifiers;
    final Set<String> personSuffixes;
    final Set<String> speechVerbs;
    final Set<String> orgSuffixes;
    final Set<String> orgHeads;
    final Set<String> locSuffixes;
    final Set<String> locHeads;
    final Set<String> eventSuffixes;
    final Set<String> locPrepositions;
    final Set<String> connectors;
    final Set<String> nonEntities;
    final Set<String> firstNames;

    private Lexicon(Map<String, Set<String>> byCategory) {
        titles = get(byCategory, "title");
        titleModifiers = get(byCategory, "title_modifier");
        personSuffixes = get(byCategory, "person_suffix");
        speechVerbs = get(byCategory, "speech_verb");
        orgSuffixes = get(byCategory, "org_suffix");
        orgHeads = get(byCategory, "org_head");
        locSuffixes = get(byCategory, "loc_suffix");
        locHeads = get(byCategory, "loc_head");
        eventSuffixes = get(byCategory, "event_suffix");
        locPrepositions = get(byCategory, "loc_preposition");
        connectors = get(byCategory, "connector");
        nonEntities = get(byCategory, "non_entity");
        firstNames = get(byCategory, "first_name");
    }

    /** First parts of hyphenated titles that are no title on their own ("Major-General", "Ex-President"). */
    private static final Set<String> TITLE_PREFIXES = Set.of("ex", "major", "lieutenant", "brigadier", "rear", "vice",
            "deputy", "co", "under", "sub");

    /**
     * A title word, or a hyphenated compound that ends in one and starts with titles, modifiers or such
     * prefixes: "Major-General", "Lieutenant-Colonel", "Ex-President", "Vice-Chairman". Token keys read
     * hyphens as spaces (TextKeys), so the parts of a compound are separated by spaces here.
     */
    boolean isTitle(String key) {
        if (titles.contains(key)) {
            return true;
        }
        int space = key.lastIndexOf(' ');
        if (space <= 0 || space == key.length() - 1 || !titles.contains(key.substring(space + 1))) {
            return false;
        }
        for (String part : key.substring(0, space).split(" ")) {
            if (!TITLE_PREFIXES.contains(part) && !titles.contains(part) && !titleModifiers.contains(part)) {
                return false;
            }
        }
        return true;
    }

    static Lexicon load(String resource) {
        List<String[]> rows = TsvResource.rows(Lexicon.class, resource);
        Map<String, Set<String>> byCategory = new HashMap<>();
        for (String[] row : rows) {
            if (row.length < 2) {
                throw new IllegalStateException(resource + ": expected 'category<TAB>word', got " + String.join("\t", row));
            }
            byCategory.computeIfAbsent(row[0], c -> new HashSet<>()).add(TextKeys.tokenKey(row[1].strip()));
        }
        return new Lexicon(byCategory);
    }

    private static Set<String> get(Map<String, Set<String>> byCategory, String category) {
        Set<String> words = byCategory.get(category);
        if (words == null) {
            throw new IllegalStateException("kb/lexicon.tsv has no '" + category + "' words");
        }
        return Set.copyOf(words);
    }
}
