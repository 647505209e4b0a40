package dev.newspipe.enrich.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.TsvResource;

/**
 * Known entities from the {@code kb/*.tsv} resources, indexed by the keys of their names, aliases,
 * demonyms and non-English names. Never modified after loading, so it is shared between threads.
 */
final class KnowledgeBase {

    /** Files in priority order: when two entries share an alias, the earlier file wins. */
    static final List<String> FILES = List.of("/kb/people.tsv", "/kb/organizations.tsv", "/kb/countries.tsv",
            "/kb/places.tsv", "/kb/places-more.tsv", "/kb/organizations-more.tsv", "/kb/events-products.tsv",
            "/kb/products-more.tsv", "/kb/sports-teams.tsv");
    /** The gazetteer of lesser places: in a sports story such a name is mostly its team, so it is not looked up there. */
    static final String LESSER_PLACES = "/kb/places-more.tsv";

    record Entry(String id, EntityType type, String name, String note, String file, KnownDomain domain) {
    }

    private static boolean hasQid(Entry entry) {
        return entry.id().startsWith("Q");
    }

    /** How a key names an entry: {@code exactForm} is set for acronyms, which must match case-sensitively. */
    record Alias(Entry entry, boolean demonym, boolean foreign, String exactForm) {
    }

    private final Map<String, Alias> byKey;
    /** Keys of the first words of multi-word aliases: a longer match is worth trying only after these. */
    private final Set<String> prefixes;
    private final int maxAliasTokens;
    /** Keys of the last words of people's full names ("thatcher", "clinton"): a bare one in text is mostly a person. */
    private final Set<String> surnames;

    private KnowledgeBase(Map<String, Alias> byKey, Set<String> prefixes, int maxAliasTokens, Set<String> surnames) {
        this.byKey = byKey;
        this.prefixes = prefixes;
        this.maxAliasTokens = maxAliasTokens;
        this.surnames = surnames;
    }

    Alias lookup(String key) {
        return byKey.get(key);
    }

    boolean isPrefix(String key) {
        return prefixes.contains(key);
    }

    int maxAliasTokens() {
        return maxAliasTokens;
    }

    /** Whether the key is the surname of someone the knowledge base names in full: for typing, not linking. */
    boolean isPersonSurname(String key) {
        return surnames.contains(key);
    }

    static KnowledgeBase load() {
        Map<String, Alias> byKey = new HashMap<>();
        Set<String> surnames = new HashSet<>();
        int[] maxTokens = {1};
        for (String file : FILES) {
            for (String[] row : TsvResource.rows(KnowledgeBase.class, file)) {
                if (row.length < 3 || row[2].isBlank()) {
                    throw new IllegalStateException(file + ": a row needs at least qid, type and name: " + String.join("\t", row));
                }
                EntityType type = EntityType.valueOf(row[1].strip());
                String name = row[2].strip();
                String qid = row[0].strip();
                String note = column(row, 6);
                Entry entry = new Entry(qid.isEmpty() ? EntitySlugs.slug(type, name) : qid, type, name, note, file,
                        KnownDomain.of(file, note));
                add(byKey, maxTokens, name, entry, false, false);
                for (String alias : split(column(row, 3))) {
                    add(byKey, maxTokens, alias, entry, false, false);
                    if (type == EntityType.PERSON) {
                        addSurname(surnames, alias);
                    }
                }
                if (type == EntityType.PERSON) {
                    addSurname(surnames, name);
                }
                for (String demonym : split(column(row, 4))) {
                    add(byKey, maxTokens, demonym, entry, true, false);
                }
                for (String foreign : split(column(row, 5))) {
                    add(byKey, maxTokens, foreign, entry, false, true);
                }
            }
        }
        Set<String> prefixes = new HashSet<>();
        for (String key : byKey.keySet()) {
            for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
                prefixes.add(key.substring(0, space));
            }
        }
        return new KnowledgeBase(new HashMap<>(byKey), new HashSet<>(prefixes), maxTokens[0], Set.copyOf(surnames));
    }

    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr");
    /** A regnal or family number after a name ("Charles III", "Leo XIV"). */
    private static final Pattern ROMAN_NUMERAL = Pattern.compile("[ivx]{1,4}");

    /** The last word of a full name of two words or more, unless it is a suffix ("Jr.") or too short to tell ("Son", "Fox"). */
    private static void addSurname(Set<String> surnames, String form) {
        List<Token> tokens = WordTokenizer.tokenize(form, 0, form.length());
        while (tokens.size() > 1 && (NAME_SUFFIXES.contains(tokens.get(tokens.size() - 1).key())
                || ROMAN_NUMERAL.matcher(tokens.get(tokens.size() - 1).key()).matches() || !tokens.get(tokens.size() - 1).isWord())) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        String last = tokens.get(tokens.size() - 1).key();
        if (tokens.size() >= 2 && last.length() > 3) {
            surnames.add(last);
        }
    }

    private static void add(Map<String, Alias> byKey, int[] maxTokens, String form, Entry entry, boolean demonym,
            boolean foreign) {
        List<Token> tokens = WordTokenizer.tokenize(form, 0, form.length());
        String key = joinKeys(tokens, 0, tokens.size());
        String letters = form.replace(".", "");
        boolean acronym = letters.length() <= 5 && letters.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
        Alias alias = new Alias(entry, demonym, foreign, acronym ? letters : null);
        // First file wins, except that an English form beats a non-English one of the same spelling, and
        // an entry with a Wikidata id beats one without from the same file ("Dutch": the Netherlands, not
        // the Caribbean Netherlands).
        Alias existing = byKey.get(key);
        if (existing == null || existing.foreign() && !foreign
                || existing.foreign() == foreign && !hasQid(existing.entry()) && hasQid(entry) && existing.entry().file().equals(entry.file())) {
            byKey.put(key, alias);
        }
        maxTokens[0] = Math.max(maxTokens[0], tokens.size());
    }

    static String joinKeys(List<Token> tokens, int from, int to) {
        if (to - from == 1) {
            return tokens.get(from).key();
        }
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(tokens.get(i).key());
        }
        return key.toString();
    }

    private static String column(String[] row, int index) {
        return row.length > index ? row[index].strip() : "";
    }

    private static List<String> split(String column) {
        List<String> values = new ArrayList<>();
        if (!column.isEmpty()) {
            for (String value : column.split("\\|")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }
}
