package dev.newspipe.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Mention;

/**
 * Finds, types and links the named entities of an article.
 *
 * <p>For English the body is split into sentences (OpenNLP sentence model) and tokens; the knowledge
 * base is matched first (longest alias wins, demonyms count as mentions of their country), then
 * sequences of proper nouns are chunked, with part-of-speech tags deciding whether a capitalised word
 * at the start of a sentence is a name at all. Unknown chunks are typed from contextual cues (titles,
 * speech verbs, organisation and place suffixes, prepositions of place, given names) summed over the
 * whole article, and bare surnames are linked to the full names introduced earlier. Headlines and
 * all-caps or Title Case lines are only matched against the knowledge base and the names the body
 * established, since capitalisation says nothing there. Other languages get knowledge-base matching,
 * including non-English names of countries.
 *
 * <p>Thread-safe: built once, the models and knowledge base are shared; per-thread OpenNLP state
 * lives in thread locals.
 */
public final class EntityRecognizer {

    /** Universal Dependencies tags that overrule capitalisation inside a sentence. */
    private static final Set<String> MID_SENTENCE_NOT_NAME_TAGS = Set.of("ADJ", "ADV", "VERB", "NUM");
    /** Tags of words that end a name chunk or make a sentence-initial capital an ordinary word. */
    private static final Set<String> FUNCTION_TAGS = Set.of("VERB", "ADV", "PRON", "DET", "ADP", "AUX", "CCONJ",
            "SCONJ", "PART", "INTJ");
    /** Acronyms that are ordinary words when a whole line is in capitals. */
    private static final Set<String> SHOUTED_WORDS = Set.of("WHO", "AU", "IT", "FED");
    /** Lower-case particles inside personal and place names ("Ursula von der Leyen", "Lula da Silva"). */
    private static final Set<String> FOREIGN_PARTICLES = Set.of("de", "del", "della", "di", "da", "do", "dos", "das",
            "du", "la", "le", "van", "von", "der", "den", "ter", "al", "el", "bin", "ibn", "bint", "y", "dela", "delos",
            "zu");
    /** Head words that take an "of" phrase into a name ("Gulf of Mexico", "Nation of Islam"). */
    private static final Set<String> OF_HEADS = Set.of("republic", "kingdom", "gulf", "strait", "cape", "isle", "duke",
            "statue", "house", "sea", "bay", "tower", "city", "state", "states", "province", "islands",
            "emirate", "sultanate", "principality", "united", "nation", "church", "order", "society", "duchess", "earl",
            "prince", "princess");
    /** Sports club prefixes and legal forms of companies, for names in any language. */
    private static final Set<String> CLUB_FORMS = Set.of("fc", "ac", "sc", "afc", "cf", "bk", "fk", "sk", "vfb", "vfl",
            "tsv", "ssc", "as", "rc", "ud", "cd", "if");
    private static final Set<String> COMPANY_FORMS = Set.of("ag", "gmbh", "ab", "asa", "as", "sa", "se", "nv", "bv",
            "oyj", "spa", "plc", "inc", "ltd", "kgaa", "co", "corp", "group", "holding");
    /** Sentences that count as the lead for salience. */
    private static final int LEAD_SENTENCES = 2;
    /** Words after a known place that name a division or a water of the same name: "Tulsa County", "Surma River". */
    private static final Set<String> PLACE_KIND_AFTER = Set.of("county", "province", "region", "district", "prefecture",
            "oblast", "governorate", "township", "borough", "municipality", "river", "valley", "delta");
    /** The Irish surname particle ("Ó Murchú"), the one single letter that opens a name. */
    private static final String IRISH_O = "Ó";
    /** Day and month abbreviations that are also names ("Nguyen Thu Ha", "Kim Jong Sun"). */
    private static final Set<String> SHORT_NAMES = Set.of("thu", "sun", "mon", "may");
    /** Words that name a road by its number: "Interstate 20", "Route 66". */
    private static final Set<String> ROAD_HEADS = Set.of("interstate", "highway", "route");
    /** First words of the names of storms and operations. */
    private static final Set<String> EVENT_HEADS = Set.of("typhoon", "hurricane", "cyclone", "storm", "operation");
    /** Compass points that name a region of a place after "the": "the West of England". */
    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west");
    /** Titles of nobility that name a person with a place: "Duke of Norfolk". */
    private static final Set<String> NOBLE_TITLES = Set.of("duke", "duchess", "earl", "countess", "marquess", "prince",
            "princess", "baron", "baroness", "viscount");
    /** Letters after a person's name for a rank or seat: senior and King's counsel, members of parliament. */
    private static final Set<String> POST_NOMINALS = Set.of("sc", "kc", "qc", "mp", "mep", "msp", "td");
    /** "the town of X": X is a place. */
    private static final Set<String> PLACE_NOUNS = Set.of("city", "town", "village", "province", "region", "state",
            "district", "capital", "island", "port", "county", "suburb", "area", "republic", "municipality", "outskirts",
            "islands", "governorate", "prefecture", "neighbourhood", "neighborhood");
    /** Lower-case words a Title Case headline may still contain. */
    private static final Set<String> SHORT_FUNCTION_WORDS = Set.of("with", "from", "into", "over", "amid", "than",
            "that", "upon", "onto", "near", "amidst", "after", "about", "says", "said", "vs");

    private final KnowledgeBase kb;
    private final Lexicon lexicon;
    private final SentenceSplitter sentenceSplitter;
    private final ProperNounTagger tagger;

    public EntityRecognizer() {
        this.kb = KnowledgeBase.load();
        this.lexicon = Lexicon.load("/kb/lexicon.tsv");
        this.sentenceSplitter = new SentenceSplitter();
        this.tagger = new ProperNounTagger();
    }

    /** Sentence spans {start, end} of {@code body} from the English sentence model, lines split first. */
    public List<int[]> sentences(String body) {
        return sentenceSplitter.split(body);
    }

    /**
     * The entities of an article, most salient first. Mentions are offsets into {@code body}; the headline
     * only adds to salience (an entity named only in the headline has no mentions).
     *
     * @param languageCode ISO 639-1 code; anything but "en" gets knowledge-base matching only
     */
    public List<Entity> recognize(String headline, String body, String languageCode) {
        return analyse(headline, body, languageCode).entities();
    }

    /**
     * The entities, and for English the sentence spans the recognizer split the body into (null for other
     * languages), so that callers needing sentences do not run the sentence model a second time.
     */
    public record Recognition(List<Entity> entities, List<int[]> englishSentences, Map<String, KnownDomain> domains) {
    }

    public Recognition analyse(String headline, String body, String languageCode) {
        return analyse(headline, body, languageCode, false);
    }

    /**
     * As {@link #analyse(String, String, String)}, told whether the article is a sports story: there a town that
     * wins, loses or is played for is the team named after it ("homered for Cleveland", "Milwaukee has won").
     */
    public Recognition analyse(String headline, String body, String languageCode, boolean sportsStory) {
        boolean english = languageCode == null || languageCode.isBlank()
                || "en".equals(languageCode.toLowerCase(Locale.ROOT));
        Document doc = new Document(body == null ? "" : body, english, english && sportsStory);
        List<int[]> spans = english ? sentences(doc.body) : lines(doc.body);
        for (int[] span : spans) {
            List<Token> tokens = WordTokenizer.tokenize(doc.body, span[0], span[1]);
            if (!tokens.isEmpty()) {
                boolean scorecard = english && hasCricketDismissal(tokens);
                Sentence sentence = new Sentence(doc.sentences.size(), tokens, english && !scorecard && isHeadlineLike(tokens));
                sentence.resultsLike = english && isResultsLine(tokens);
                sentence.fixtureConnector = english ? fixtureConnector(tokens) : -1;
                sentence.scorecardLike = scorecard;
                sentence.nameList = english && !scorecard && isNameList(tokens);
                doc.sentences.add(sentence);
            }
        }
        if (english) {
            collectMidSentenceNames(doc);
        }
        for (Sentence sentence : doc.sentences) {
            if (english && !sentence.headlineLike) {
                scanProse(doc, sentence);
            } else {
                scanKnownOnly(doc, sentence, false);
            }
        }
        resolve(doc);
        // Second pass for lines where capitals were no cue, and in other languages for bare surnames
        // ("Zwayer" after "Felix Zwayer").
        for (Sentence sentence : doc.sentences) {
            if (sentence.headlineLike || !english) {
                scanKnownOnly(doc, sentence, true);
            }
        }
        if (headline != null && !headline.isBlank()) {
            List<Token> tokens = WordTokenizer.tokenize(headline, 0, headline.length());
            Sentence headlineSentence = new Sentence(-1, tokens, true);
            doc.inHeadline.addAll(headlineHits(doc, headlineSentence));
        }
        List<Entity> entities = build(doc);
        return new Recognition(entities, english ? spans : null, domains(doc, entities));
    }

    // ---------------------------------------------------------------------------------------------
    // Per-article state

    private static final class Document {
        final String body;
        final boolean english;
        final List<Sentence> sentences = new ArrayList<>();
        final List<Candidate> candidates = new ArrayList<>();
        /** Resolved entities by id, in order of first mention. */
        final Map<String, Resolved> entities = new LinkedHashMap<>();
        /** Keys of names, surnames and name parts established in prose, for headline-like lines. */
        final Map<String, Resolved> knownNames = new HashMap<>();
        final Set<Resolved> inHeadline = new HashSet<>();
        /** Keys of words capitalised inside prose sentences: such a word at a sentence start is a name too. */
        final Set<String> midSentenceCapitalised = new HashSet<>();
        final boolean sportsStory;

        Document(String body, boolean english, boolean sportsStory) {
            this.body = body;
            this.english = english;
            this.sportsStory = sportsStory;
        }
    }

    private static final class Sentence {
        final int index;
        final List<Token> tokens;
        final boolean headlineLike;
        /** A sports results line ("Pohang 3 Ulsan 2"): places followed by scores name teams. */
        boolean resultsLike;
        /** On a fixture line ("KANSAS CITY AT DETROIT", "Leeds v Wigan"), the connector's index, else -1. */
        int fixtureConnector = -1;
        /** A cricket scorecard line ("Salim Malik c Stewart b Hollioake 23"): Title Case, but its names are players. */
        boolean scorecardLike;
        /** A roll of names ("The team is as follows : Given , Breen , Staunton , Irwin ."): its unknown single words are people. */
        boolean nameList;
        final String[] words;
        ProperNounTagger.SentenceTags tags;

        Sentence(int index, List<Token> tokens, boolean headlineLike) {
            this.index = index;
            this.tokens = tokens;
            this.headlineLike = headlineLike;
            this.words = new String[tokens.size()];
            for (int i = 0; i < words.length; i++) {
                words[i] = tokens.get(i).text();
            }
        }
    }

    /** A name found in the text before linking: a knowledge-base match or an unknown proper-noun chunk. */
    private static final class Candidate {
        final Sentence sentence;
        final int from;
        final int to;
        final int start;
        final int end;
        final String key;
        KnowledgeBase.Alias alias;
        final double[] scores = new double[EntityType.values().length];
        Resolved resolved;
        /**
         * The writer or the place of a byline in capitals ("By LAURAN NEERGAARD WASHINGTON (AP)"): kept
         * although in capitals, and named in title case.
         */
        boolean bylineName;

        Candidate(Sentence sentence, int from, int to, String key) {
            this(sentence, from, to, sentence.tokens.get(from).start(), sentence.tokens.get(to - 1).end(), key);
        }

        Candidate(Sentence sentence, int from, int to, int start, int end, String key) {
            this.sentence = sentence;
            this.from = from;
            this.to = to;
            this.start = start;
            this.end = end;
            this.key = key;
        }

        int length() {
            return to - from;
        }

        void add(EntityType type, double score) {
            scores[type.ordinal()] += score;
        }
    }

    private static final class Resolved {
        final String id;
        final EntityType type;
        final String name;
        final List<Mention> mentions = new ArrayList<>();
        /** The knowledge-base entry, for a known entity. */
        KnowledgeBase.Entry entry;
        int firstSentence = Integer.MAX_VALUE;
        int demonymMentions;

        Resolved(String id, EntityType type, String name) {
            this.id = id;
            this.type = type;
            this.name = name;
        }
    }

    private record KbMatch(KnowledgeBase.Alias alias, int from, int to, int start, int end) {
    }

    // ---------------------------------------------------------------------------------------------
    // Scanning

    private void collectMidSentenceNames(Document doc) {
        for (Sentence s : doc.sentences) {
            if (s.headlineLike) {
                continue;
            }
            List<Token> tokens = s.tokens;
            for (int i = 1; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                Token previous = tokens.get(i - 1);
                if (t.isWord() && t.isCapitalized() && previous.isWord() && !lexicon.nonEntities.contains(t.key())) {
                    doc.midSentenceCapitalised.add(t.key());
                }
            }
        }
    }

    private void scanProse(Document doc, Sentence s) {
        List<Token> tokens = s.tokens;
        int n = tokens.size();
        boolean atStart = true;
        boolean titleBefore = false;
        int straightQuotes = 0;
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                // Opening quotes, colons and bullets start a new clause: the next word is capitalised anyway.
                // Straight quotes alternate between opening and closing.
                boolean opener = isClauseOpener(t.text());
                if (t.text().equals("\"")) {
                    opener = straightQuotes++ % 2 == 0;
                }
                atStart = atStart || opener;
                titleBefore = titleBefore && t.text().equals(",");
                i++;
                continue;
            }
            if (!t.isCapitalized()) {
                titleBefore = lexicon.isTitle(t.key()) && i + 1 < n && tokens.get(i + 1).isCapitalized();
                atStart = false;
                i++;
                continue;
            }
            int bylineEnd = i == 0 && doc.english ? bylineEnd(doc, s) : -1;
            if (bylineEnd > 0) {
                atStart = true;
                i = bylineEnd;
                continue;
            }
            int datelineEnd = i == 0 ? datelineEnd(s) : -1;
            if (datelineEnd > 0) {
                doc.candidates.add(datelineCandidate(doc, s, datelineEnd));
                atStart = true;
                i = datelineEnd;
                continue;
            }
            KbMatch match = kbMatch(doc, s, i, false);
            if (match != null && isGivenNameBeforeSurname(s, match)) {
                match = null;
            }
            if (match != null && !(atStart && isCommonWordUse(s, match))) {
                int chunkEnd = chunkEnd(s, i);
                String lastKey = tokens.get(chunkEnd - 1).key();
                boolean orgName = lexicon.orgSuffixes.contains(lastKey) || hasOrgHead(tokens, match.to(), chunkEnd);
                if (match.alias().entry().type() == EntityType.LOCATION && !match.alias().demonym() && match.to() < n
                        && tokens.get(match.to()).isCapitalized() && PLACE_KIND_AFTER.contains(tokens.get(match.to()).key())
                        && (match.to() + 1 >= n || !tokens.get(match.to() + 1).isCapitalized())) {
                    // "Tulsa County", "Kisumu County", "Surma River": the known place and the kind of place it names.
                    Candidate c = new Candidate(s, i, match.to() + 1, KnowledgeBase.joinKeys(tokens, i, match.to() + 1));
                    c.add(EntityType.LOCATION, 3);
                    doc.candidates.add(c);
                    i = match.to() + 1;
                } else if (chunkEnd > match.to() && (orgName || lexicon.eventSuffixes.contains(lastKey))
                        && match.end() == tokens.get(match.to() - 1).end()
                        && match.alias().entry().type() != EntityType.PERSON) {
                    // "Cambodia Daily", "Ukrainian Defence Ministry", "Hong Kong Open": a longer name; not after a
                    // place inside a word ("Paris-based Calanque Films" is the place and the company).
                    Candidate c = new Candidate(s, i, chunkEnd, KnowledgeBase.joinKeys(tokens, i, chunkEnd));
                    c.add(orgName ? EntityType.ORGANIZATION : EntityType.EVENT, 3);
                    doc.candidates.add(c);
                    i = chunkEnd;
                } else {
                    doc.candidates.add(teamOrKbCandidate(doc, s, match));
                    i = match.to();
                }
                atStart = false;
                titleBefore = false;
                continue;
            }
            int titleEnd = titlePhraseEnd(s, i);
            if (titleEnd > i) {
                titleBefore = true;
                atStart = false;
                i = titleEnd;
                continue;
            }
            if (lexicon.nonEntities.contains(t.key()) || isNonEntityCompound(t) || !acceptsAsName(doc, s, i, atStart)) {
                atStart = false;
                titleBefore = false;
                i++;
                continue;
            }
            int end = chunkEnd(s, i);
            boolean postNominal = end - i > 2 && POST_NOMINALS.contains(tokens.get(end - 1).key())
                    && tokens.get(end - 1).isAllCaps();
            if (postNominal) {
                // "Aoife Brennan SC", "Jane Smith MP": letters after a name are not part of it, nor a name.
                end--;
            }
            Candidate c = unknownCandidate(s, i, end, titleBefore, atStart);
            if (c != null) {
                doc.candidates.add(c);
            }
            atStart = false;
            titleBefore = false;
            i = Math.max(postNominal ? end + 1 : end, i + 1);
        }
    }

    /**
     * A one-word organisation or product alias at a sentence start that the tagger reads as a verb or
     * function word ("Shell out", "Meta-analyses") is not a name there. Places and people are kept.
     */
    private boolean isCommonWordUse(Sentence s, KbMatch match) {
        EntityType type = match.alias().entry().type();
        Token t = s.tokens.get(match.from());
        return match.to() - match.from() == 1 && !match.alias().demonym() && !t.isAllCaps()
                && type != EntityType.LOCATION && type != EntityType.PERSON && FUNCTION_TAGS.contains(tag(s, match.from()));
    }

    /**
     * End of a dateline's place ("OTTAWA:", "PHNOM PENH:", "BONN 1996-08-30", "IRVINE, Calif."): capitals
     * opening a line followed by a colon, a comma, a date, a dash or an agency in brackets; -1 if none.
     */
    private int datelineEnd(Sentence s) {
        List<Token> tokens = s.tokens;
        if (tokens.isEmpty() || lexicon.nonEntities.contains(tokens.get(0).key())) {
            return -1;
        }
        int end = 0;
        while (end < tokens.size() && end < 4 && tokens.get(end).isWord() && tokens.get(end).isAllCaps()) {
            end++;
        }
        if (end == 0 || end >= tokens.size()) {
            return -1;
        }
        Token next = tokens.get(end);
        String text = next.text();
        boolean date = next.isWord() && Character.isDigit(text.charAt(0)) && text.length() >= 8 && text.indexOf('-') > 0;
        // Not a plain hyphen: "SOCCER - ..." opens a sports headline, not a dateline.
        boolean separator = text.equals(":") || text.equals("(") || text.equals("\u2014") || text.equals("\u2013");
        boolean commaPlace = text.equals(",") && end + 1 < tokens.size() && tokens.get(end + 1).isCapitalized()
                && (end + 2 == tokens.size() || !tokens.get(end + 2).isWord() || tokens.get(end + 2).isCapitalized()
                        || tokens.get(end + 2).startsWithDigit());
        return date || separator || commaPlace ? end : -1;
    }

    /**
     * An agency byline in capitals opening the body, "By LAURAN NEERGAARD WASHINGTON (AP) --": the writer
     * (two or three words) and then a known place before the agency's bracket or a comma. Adds both as
     * candidates and returns where they end; -1 (and adds nothing) for any other opening.
     */
    private int bylineEnd(Document doc, Sentence s) {
        List<Token> tokens = s.tokens;
        if (tokens.size() < 5 || !tokens.get(0).key().equals("by")) {
            return -1;
        }
        int end = 1;
        while (end < tokens.size() && end <= 7 && tokens.get(end).isWord() && tokens.get(end).isAllCaps()) {
            end++;
        }
        if (end < 4 || end >= tokens.size() || !tokens.get(end).text().equals("(") && !tokens.get(end).text().equals(",")) {
            return -1;
        }
        // The longest known place that ends the capitals and leaves two or three words for the name.
        for (int place = 3; place <= 4 && place < end; place++) {
            KbMatch match = kbMatch(doc, s, place, true);
            if (match != null && match.to() == end && match.alias().entry().type() == EntityType.LOCATION) {
                doc.candidates.add(bylineCandidate(s, 1, place, EntityType.PERSON));
                doc.candidates.add(kbCandidate(s, match));
                return end;
            }
        }
        // A place the knowledge base lacks, placed by the known region after it: "By DANIEL YEE ALPHARETTA,
        // Ga. (AP)". Most bylines name two words, so the rest of the capitals is the place.
        if (end >= 4 && end <= 5 && tokens.get(end).text().equals(",") && end + 1 < tokens.size()) {
            KbMatch region = kbMatch(doc, s, end + 1, false);
            boolean agencyNext = false;
            if (region != null && region.alias().entry().type() == EntityType.LOCATION) {
                int after = region.to() < tokens.size() && tokens.get(region.to()).text().equals(".") ? region.to() + 1
                        : region.to();
                // The sentence splitter may end the sentence at an abbreviated region ("Ga."), before the agency.
                agencyNext = after < tokens.size() ? tokens.get(after).text().equals("(")
                        : tokens.get(after - 1).text().endsWith(".");
            }
            if (agencyNext) {
                doc.candidates.add(bylineCandidate(s, 1, 3, EntityType.PERSON));
                doc.candidates.add(bylineCandidate(s, 3, end, EntityType.LOCATION));
                return end;
            }
        }
        return -1;
    }

    /** The writer or the place of a byline in capitals, typed as the byline's position says. */
    private static Candidate bylineCandidate(Sentence s, int from, int to, EntityType type) {
        Candidate c = new Candidate(s, from, to, KnowledgeBase.joinKeys(s.tokens, from, to));
        c.add(type, 3);
        c.bylineName = true;
        return c;
    }

    private Candidate datelineCandidate(Document doc, Sentence s, int end) {
        KbMatch match = kbMatch(doc, s, 0, true);
        if (match != null && match.to() == end && match.alias().entry().type() == EntityType.LOCATION) {
            return kbCandidate(s, match);
        }
        Candidate c = new Candidate(s, 0, end, KnowledgeBase.joinKeys(s.tokens, 0, end));
        c.add(EntityType.LOCATION, 3);
        return c;
    }

    /** "Chad Ogea", "Jordan Henderson": a place that is also a given name, followed by an unknown capitalised word. */
    private boolean isGivenNameBeforeSurname(Sentence s, KbMatch match) {
        if (match.to() - match.from() != 1 || match.alias().demonym() || match.to() >= s.tokens.size()
                || !lexicon.firstNames.contains(s.tokens.get(match.from()).key())) {
            return false;
        }
        Token next = s.tokens.get(match.to());
        return next.isWord() && next.isCapitalized() && !next.isAllCaps() && kb.lookup(next.key()) == null
                && !kb.isPrefix(next.key()) && !lexicon.isTitle(next.key()) && !lexicon.orgSuffixes.contains(next.key())
                && !lexicon.nonEntities.contains(next.key());
    }

    /** Knowledge-base matches (and, once the body is resolved, known names) on a line where case is no cue. */
    private void scanKnownOnly(Document doc, Sentence s, boolean withKnownNames) {
        List<Token> tokens = s.tokens;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.isWord() || (!t.isCapitalized() && !WordTokenizer.isIdeographic(t.text().charAt(0))
                    && !t.startsWithDigit())) {
                i++;
                continue;
            }
            int bylineEnd = i == 0 && doc.english && !withKnownNames ? bylineEnd(doc, s) : -1;
            if (bylineEnd > 0) {
                i = bylineEnd;
                continue;
            }
            int datelineEnd = i == 0 && doc.english ? datelineEnd(s) : -1;
            if (datelineEnd > 0) {
                if (!withKnownNames) {
                    doc.candidates.add(datelineCandidate(doc, s, datelineEnd));
                }
                i = datelineEnd;
                continue;
            }
            KbMatch match = kbMatch(doc, s, i, s.headlineLike);
            if (match != null) {
                if (!withKnownNames) {
                    doc.candidates.add(teamOrKbCandidate(doc, s, match));
                }
                i = match.to();
                continue;
            }
            if (!withKnownNames && s.resultsLike && doc.english && !s.headlineLike) {
                int end = scoredNameEnd(tokens, i);
                if (end > 0) {
                    Candidate team = new Candidate(s, i, end, KnowledgeBase.joinKeys(tokens, i, end));
                    team.add(EntityType.ORGANIZATION, 3);
                    doc.candidates.add(team);
                    i = end;
                    continue;
                }
            }
            if (!withKnownNames && !doc.english) {
                Candidate name = foreignName(s, i);
                if (name != null) {
                    doc.candidates.add(name);
                    i = name.to;
                    continue;
                }
            }
            if (withKnownNames) {
                int matched = knownNameMatch(doc, s, i);
                if (matched > i) {
                    i = matched;
                    continue;
                }
            }
            i++;
        }
    }

    /**
     * Names that need no English grammar: a known given name followed by capitalised words ("Lucien Favre",
     * "Guido Winkmann") is a person; a run of capitalised words with a club or company form ("FC Schalke 04",
     * "Volvo AB") is an organisation. Used for languages other than English, where German capitalises
     * every noun and the English tagger does not apply.
     */
    private Candidate foreignName(Sentence s, int i) {
        List<Token> tokens = s.tokens;
        int end = i;
        while (end < tokens.size() && end - i < 4 && tokens.get(end).isWord()
                && (tokens.get(end).isCapitalized() || end > i && FOREIGN_PARTICLES.contains(tokens.get(end).key())
                        && end + 1 < tokens.size() && tokens.get(end + 1).isCapitalized())) {
            end++;
        }
        Token first = tokens.get(i);
        if (end - i >= 2 && lexicon.firstNames.contains(first.key()) && kb.lookup(tokens.get(i + 1).key()) == null) {
            Candidate person = new Candidate(s, i, end, KnowledgeBase.joinKeys(tokens, i, end));
            person.add(EntityType.PERSON, 3);
            return person;
        }
        boolean clubFirst = CLUB_FORMS.contains(first.key()) && end - i >= 2;
        boolean companyLast = end - i >= 2 && COMPANY_FORMS.contains(tokens.get(end - 1).key());
        if (clubFirst || companyLast) {
            if (clubFirst && end < tokens.size() && tokens.get(end).isWord() && tokens.get(end).startsWithDigit()) {
                end++; // "FC Schalke 04"
            }
            Candidate organisation = new Candidate(s, i, end, KnowledgeBase.joinKeys(tokens, i, end));
            organisation.add(EntityType.ORGANIZATION, 3);
            return organisation;
        }
        return null;
    }

    /** Adds mentions of names the body established (full names, surnames) found in a headline-like line. */
    private int knownNameMatch(Document doc, Sentence s, int i) {
        List<Token> tokens = s.tokens;
        for (int len = Math.min(4, tokens.size() - i); len >= 1; len--) {
            Resolved known = doc.knownNames.get(KnowledgeBase.joinKeys(tokens, i, i + len));
            if (known != null && tokens.get(i + len - 1).isWord()) {
                Token first = tokens.get(i);
                Token last = tokens.get(i + len - 1);
                if (s.index >= 0) {
                    addMention(doc, known, s.index, first.start(), last.end(), false);
                }
                return i + len;
            }
        }
        return i;
    }

    private Set<Resolved> headlineHits(Document doc, Sentence headline) {
        Set<Resolved> hits = new HashSet<>();
        List<Token> tokens = headline.tokens;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                i++;
                continue;
            }
            KbMatch match = kbMatch(doc, headline, i, true);
            if (match != null) {
                hits.add(resolvedFor(doc, match.alias().entry()));
                i = match.to();
                continue;
            }
            boolean found = false;
            for (int len = Math.min(4, tokens.size() - i); len >= 1 && !found; len--) {
                Resolved known = doc.knownNames.get(KnowledgeBase.joinKeys(tokens, i, i + len));
                if (known != null) {
                    hits.add(known);
                    i += len;
                    found = true;
                }
            }
            if (!found) {
                i++;
            }
        }
        return hits;
    }

    private KbMatch kbMatch(Document doc, Sentence s, int i, boolean caseless) {
        List<Token> tokens = s.tokens;
        int max = Math.min(kb.maxAliasTokens(), tokens.size() - i);
        KbMatch best = null;
        StringBuilder key = new StringBuilder();
        for (int len = 1; len <= max; len++) {
            Token last = tokens.get(i + len - 1);
            if (len > 1) {
                key.append(' ');
            }
            key.append(last.key());
            String joined = key.toString();
            if (last.isWord()) {
                KnowledgeBase.Alias alias = kb.lookup(joined);
                if (alias != null && !(alias.foreign() && doc.english)
                        && !(doc.sportsStory && alias.entry().file().equals(KnowledgeBase.LESSER_PLACES))
                        && (caseless || last.isCapitalized() || last.startsWithDigit()
                                || WordTokenizer.isIdeographic(last.text().charAt(0)))
                        && (alias.exactForm() == null || exactFormMatches(alias.exactForm(), tokens, i, i + len, caseless))) {
                    best = new KbMatch(alias, i, i + len, tokens.get(i).start(), last.end());
                }
            }
            if (!kb.isPrefix(joined)) {
                break;
            }
        }
        if (best == null) {
            best = hyphenatedPrefixMatch(doc, tokens.get(i), i);
        }
        return best;
    }

    /** "Iranian-made", "Chinese-born", "Russia-backed": the first part names a known entity. */
    private KbMatch hyphenatedPrefixMatch(Document doc, Token t, int i) {
        int hyphen = t.text().indexOf('-');
        if (hyphen <= 1 || !t.isCapitalized() || hyphen + 1 >= t.text().length()
                || !Character.isLowerCase(t.text().charAt(hyphen + 1))) {
            return null;
        }
        KnowledgeBase.Alias alias = kb.lookup(TextKeys.tokenKey(t.text().substring(0, hyphen)));
        if (alias == null || alias.foreign() && doc.english || alias.entry().type() != EntityType.LOCATION) {
            return null;
        }
        return new KbMatch(alias, i, i + 1, t.start(), t.start() + hyphen);
    }

    /** A match inside a hyphenated word ("London-based") is an adjectival use, like a demonym. */
    private static boolean isAdjectival(Candidate c) {
        return c.alias != null && (c.alias.demonym() || c.end < c.sentence.tokens.get(c.to - 1).end());
    }

    private static boolean exactFormMatches(String exactForm, List<Token> tokens, int from, int to, boolean caseless) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(tokens.get(i).text().replace(".", ""));
        }
        String form = text.toString();
        if (form.equals(exactForm)) {
            return true;
        }
        return caseless && form.equalsIgnoreCase(exactForm) && !SHOUTED_WORDS.contains(exactForm);
    }

    /** Roles in a club's squad or staff: a town right before one names the club ("Norwich striker Keith O'Neill"). */
    private static final Set<String> CLUB_ROLES = Set.of("striker", "midfielder", "goalkeeper", "keeper", "defender",
            "winger", "playmaker", "coach", "manager", "skipper");

    /**
     * In a results line a place followed by a score is the team named after it, and so is a town before a
     * squad role.
     */
    private static Candidate teamOrKbCandidate(Document doc, Sentence s, KbMatch match) {
        boolean scored = s.resultsLike && match.to() < s.tokens.size() && s.tokens.get(match.to()).isWord()
                && s.tokens.get(match.to()).startsWithDigit();
        boolean clubRole = match.to() < s.tokens.size() && !s.tokens.get(match.to()).isCapitalized()
                && CLUB_ROLES.contains(s.tokens.get(match.to()).key());
        boolean playing = doc.sportsStory && !s.headlineLike && isPlayingSide(s.tokens, match.from(), match.to());
        if ((scored || clubRole || playing || isFixtureTeam(s, match.to())) && match.alias().entry().type() == EntityType.LOCATION && !match.alias().demonym()
                && !isCountryOrNation(match.alias().entry())) {
            Candidate team = new Candidate(s, match.from(), match.to(), KnowledgeBase.joinKeys(s.tokens, match.from(), match.to()));
            team.add(EntityType.ORGANIZATION, 3);
            return team;
        }
        return kbCandidate(s, match);
    }

    /** Words before a town in a sports story that make it a side: "homered for", "a lead over", "joined". */
    private static final Set<String> SIDE_BEFORE = Set.of("for", "over", "beat", "beats", "defeated", "outdueled",
            "against", "joined", "vs", "vs.");
    /** Words after a town that make it a side: "Milwaukee has won", "Los Angeles won", "Nice have been". */
    private static final Set<String> SIDE_AFTER = Set.of("won", "win", "wins", "has", "have", "beat", "beats",
            "defeated", "lost", "lose", "loses", "tied", "rallied", "scored", "leads", "trail", "trails", "edged",
            "routed", "remained", "clinched", "swept", "improved");

    /**
     * A town playing, not a place: it follows a word of playing against or for it, it is followed by a verb of
     * winning or losing, or it owns a player, a lead or a loss ("Atlanta 's Tom Glavine", "Texas 's lead"). "In",
     * "at" and "from" are left alone: they name the venue or a home town.
     */
    private static boolean isPlayingSide(List<Token> tokens, int from, int to) {
        Token before = from > 0 ? tokens.get(from - 1) : null;
        Token after = to < tokens.size() ? tokens.get(to) : null;
        if (before != null && !before.isCapitalized() && SIDE_BEFORE.contains(before.key())) {
            return true;
        }
        if (after == null) {
            return false;
        }
        if (!after.isCapitalized() && SIDE_AFTER.contains(after.key())) {
            return true;
        }
        // "Boston 's seventh loss", "Atlanta 's Tom Glavine", "Texas 's lead": what a side owns.
        int owned = after.key().equals("'s") ? to + 1
                : after.key().equals("'") && to + 1 < tokens.size() && tokens.get(to + 1).key().equals("s") ? to + 2 : -1;
        if (owned < 0 || owned >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(owned);
        return next.isCapitalized() || next.startsWithDigit() || SIDE_OWNS.contains(next.key());
    }

    /** What a side owns after "'s": a lead, a loss, or a place in a count ("Boston 's seventh loss"; "10th" is a number). */
    private static final Set<String> SIDE_OWNS = Set.of("lead", "loss", "win", "first", "second", "third", "fourth",
            "fifth", "sixth", "seventh", "eighth", "ninth", "tenth");

    /** National sides are reported under the country's (or nation's: England, Wales) name and stay places. */
    private static boolean isCountryOrNation(KnowledgeBase.Entry entry) {
        return entry.note().startsWith("country") || entry.note().startsWith("nation");
    }

    private static Candidate kbCandidate(Sentence s, KbMatch match) {
        Candidate c = new Candidate(s, match.from(), match.to(), match.start(), match.end(),
                KnowledgeBase.joinKeys(s.tokens, match.from(), match.to()));
        c.alias = match.alias();
        return c;
    }

    /** End (exclusive) of a title phrase such as "Secretary of State" or "Deputy Prime Minister" before a name. */
    private int titlePhraseEnd(Sentence s, int i) {
        List<Token> tokens = s.tokens;
        int j = i;
        int lastTitle = -1;
        while (j < tokens.size()) {
            Token t = tokens.get(j);
            String key = t.key();
            if (lexicon.isTitle(key) && (t.isCapitalized() || j > i)) {
                lastTitle = j;
                j++;
            } else if (lexicon.titleModifiers.contains(key) && t.isCapitalized()) {
                j++;
            } else if ((key.equals("of") || key.equals("for")) && lastTitle >= 0 && j + 1 < tokens.size()
                    && lexicon.titleModifiers.contains(tokens.get(j + 1).key())) {
                j++;
            } else {
                break;
            }
        }
        if (lastTitle < 0 || lastTitle == i && runEndsInOrganisationWord(tokens, i)) {
            // "Queen Eleanor Hospital", "President Wilson Hotel": the title word opens a body's name.
            return -1;
        }
        // Modifiers after the last core title belong to it only in "Secretary of State"-like phrases.
        int end = j;
        if (end < tokens.size() && tokens.get(end).isCapitalized() && tokens.get(end).isWord()
                && !lexicon.nonEntities.contains(tokens.get(end).key())) {
            return end;
        }
        return -1;
    }

    /** End (exclusive) of the proper-noun chunk starting at {@code i}. */
    private int chunkEnd(Sentence s, int i) {
        List<Token> tokens = s.tokens;
        int n = tokens.size();
        int j = i;
        int end = i;
        while (j < n) {
            Token t = tokens.get(j);
            if (t.isWord() && t.isCapitalized()) {
                if (j > i) {
                    if (lexicon.nonEntities.contains(t.key()) && !isShortNameInside(tokens, j)
                            || isExchangeCode(tokens, j)) {
                        break;
                    }
                    if (lexicon.isTitle(t.key()) && titlePhraseEnd(s, j) > j && !isInsideOrganisationName(tokens, j)) {
                        break;
                    }
                    if (FUNCTION_TAGS.contains(tag(s, j)) && !t.isAllCaps() && !isInitial(t) && !isInitial(tokens.get(j - 1))
                            && !endsInLegalForm(tokens, j) && !runEndsInOrganisationWord(tokens, j - 1)
                            && !(j == i + 1 && lexicon.firstNames.contains(tokens.get(i).key()))) {
                        break;
                    }
                }
                j++;
                end = j;
            } else if (j > i && t.key().equals("plc")) {
                // "Sage Group plc": the British legal form, written in lower case, ends the name.
                end = j + 1;
                break;
            } else if (j > i && t.isWord() && t.startsWithDigit() && isNameLike(tokens.get(j - 1))
                    && (lexicon.eventSuffixes.contains(tokens.get(j - 1).key())
                            || j == i + 1 && ROAD_HEADS.contains(tokens.get(i).key()))) {
                // "World Cup 2026"
                j++;
                end = j;
            } else if (j > i && j + 1 < n && connects(tokens, i, j)) {
                j += isDoubleParticle(tokens, j) ? 2 : 1;
                if (tokens.get(j).key().equals("the") && j + 1 < n) {
                    j++;
                }
                if (!tokens.get(j).isCapitalized()) {
                    break;
                }
            } else {
                break;
            }
        }
        return end;
    }

    /** A word like "Thu" between two capitalised name words is part of the name, not a date. */
    private boolean isShortNameInside(List<Token> tokens, int j) {
        if (!SHORT_NAMES.contains(tokens.get(j).key()) || j + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(j + 1);
        return next.isWord() && next.isCapitalized() && !next.startsWithDigit() && !lexicon.nonEntities.contains(next.key())
                && !tokens.get(j - 1).startsWithDigit();
    }

    /** "July-September", "Monday-Friday": a hyphenated word made of words that are no names. */
    private boolean isNonEntityCompound(Token t) {
        String text = t.text();
        if (text.indexOf('-') <= 0) {
            return false;
        }
        for (String part : text.split("-")) {
            if (part.isEmpty() || !lexicon.nonEntities.contains(TextKeys.tokenKey(part))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The title at {@code j} is a word of an organisation's name, not a person's title: the capitalised words
     * after it end in an organisation word and do not start with a given name ("Immigrant Justice Network",
     * not "Governor Mike Braun").
     */
    private boolean isInsideOrganisationName(List<Token> tokens, int j) {
        return runEndsInOrganisationWord(tokens, j) && !lexicon.firstNames.contains(tokens.get(j + 1).key());
    }

    /** The capitalised words after {@code j} end in an organisation word: "Eleanor Hospital" after "Queen". */
    private boolean runEndsInOrganisationWord(List<Token> tokens, int j) {
        int k = j + 1;
        while (k < tokens.size() && tokens.get(k).isWord() && tokens.get(k).isCapitalized()) {
            k++;
        }
        return k > j + 1 && lexicon.orgSuffixes.contains(tokens.get(k - 1).key())
                && !lexicon.isTitle(tokens.get(k - 1).key());
    }

    /**
     * The capitalised words from {@code j} on end in a company's legal form ("Driefontein Consolidated Ltd"): a
     * word the tagger reads as a verb or adverb there is still part of the name.
     */
    private static boolean endsInLegalForm(List<Token> tokens, int j) {
        for (int k = j + 1; k < tokens.size() && k <= j + 3 && tokens.get(k).isWord(); k++) {
            if (LEGAL_FORMS.contains(bare(tokens.get(k).text()))) {
                return true;
            }
            if (!tokens.get(k).isCapitalized()) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasAllCaps(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isAllCaps()) {
                return true;
            }
        }
        return false;
    }

    /** "Chicago Board of Trade": an organisation head word followed by "of" or "for" inside [from, to). */
    private boolean hasOrgHead(List<Token> tokens, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if (lexicon.orgHeads.contains(tokens.get(k).key())
                    && (tokens.get(k + 1).key().equals("of") || tokens.get(k + 1).key().equals("for"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameLike(Token t) {
        return t.isWord() && t.isCapitalized();
    }

    /** Two name particles in a row before a capitalised word: "van der Westhuizen", "de la Vega". */
    private static boolean isDoubleParticle(List<Token> tokens, int j) {
        return j + 2 < tokens.size() && FOREIGN_PARTICLES.contains(tokens.get(j).key())
                && FOREIGN_PARTICLES.contains(tokens.get(j + 1).key()) && !tokens.get(j + 1).isCapitalized()
                && tokens.get(j + 2).isCapitalized();
    }

    private boolean connects(List<Token> tokens, int chunkStart, int j) {
        Token t = tokens.get(j);
        String key = t.key();
        Token next = tokens.get(j + 1);
        Token previous = tokens.get(j - 1);
        if (isDoubleParticle(tokens, j)) {
            // "Joost van der Westhuizen", "Ponce de la Vega"
            return !lexicon.orgSuffixes.contains(previous.key());
        }
        if (!next.isCapitalized() && !key.equals("of")) {
            return false;
        }
        if (key.equals("&")) {
            return true;
        }
        if (FOREIGN_PARTICLES.contains(key)) {
            return !lexicon.orgSuffixes.contains(previous.key());
        }
        if (key.equals("of") || key.equals("for") || key.equals("on")) {
            String head = previous.key();
            if (LEGAL_FORMS.contains(bare(previous.text()))) {
                // A legal form ends a company's name: "Kia Motor Corp of South Korea" is the company and a place.
                return false;
            }
            return lexicon.orgHeads.contains(tokens.get(chunkStart).key()) || lexicon.orgSuffixes.contains(head)
                    || lexicon.locSuffixes.contains(head) || lexicon.eventSuffixes.contains(head) || OF_HEADS.contains(head)
                    || COMPASS.contains(head) && j - chunkStart == 1 && chunkStart > 0
                            && tokens.get(chunkStart - 1).key().equals("the");
        }
        if (key.equals("and")) {
            // "Securities and Exchange Commission", not "Johnson Controls Inc and Lear Corp".
            if (j - chunkStart == 1 && lexicon.orgSuffixes.contains(previous.key()) && j + 2 < tokens.size()
                    && tokens.get(j + 2).isCapitalized()) {
                return true;
            }
            // "Department of Health and Human Services", "Office of Management and Budget": after a body's "of" or
            // "for", unless either side is a known name or a new body starts ("Bank of England and Barclays",
            // "Ministry of Defence and Ministry of Finance").
            return (hasBodyConnector(tokens, chunkStart, j)
                    || j - chunkStart >= 2 && endsInBodyWord(tokens, j + 1) && !endsName(previous))
                    && kb.lookup(previous.key()) == null
                    && kb.lookup(next.key()) == null && !lexicon.orgHeads.contains(next.key())
                    && !lexicon.firstNames.contains(next.key());
        }
        if (key.equals(",") && hasBodyConnector(tokens, chunkStart, j) && kb.lookup(next.key()) == null
                && isListOfFieldsToAnd(tokens, j + 1)) {
            // "Ministry of Economy, Trade and Industry", "Ministry of Culture, Sports and Tourism"
            return true;
        }
        if (key.equals("'") && t.start() == previous.end() && previous.key().endsWith("s") && previous.key().length() > 3
                && t.end() < next.start()
                && (lexicon.orgSuffixes.contains(next.key()) || lexicon.locSuffixes.contains(next.key()))) {
            // "Irish National Teachers' Organisation", "Workers' Party", "St James' Park"
            return true;
        }
        return false;
    }

    /**
     * The capitalised words from {@code k} (at most four) end in an organisation word: "Warning Centre" in "Flood
     * Forecasting and Warning Centre", "Management Council".
     */
    private boolean endsInBodyWord(List<Token> tokens, int k) {
        int end = k;
        while (end < tokens.size() && end < k + 4 && tokens.get(end).isWord() && tokens.get(end).isCapitalized()) {
            end++;
        }
        if (end == k || end < tokens.size() && tokens.get(end).isWord() && tokens.get(end).isCapitalized()) {
            return false;
        }
        String last = tokens.get(end - 1).key();
        return lexicon.orgSuffixes.contains(last) || last.equals("centre") || last.equals("center");
    }

    /** From {@code k}: one or two capitalised words, more of them after commas, then "and" and a capitalised word. */
    private boolean isListOfFieldsToAnd(List<Token> tokens, int k) {
        int words = 0;
        for (int j = k; j + 1 < tokens.size() && j < k + 8; j++) {
            Token t = tokens.get(j);
            if (t.isWord() && t.isCapitalized() && kb.lookup(t.key()) == null && !lexicon.orgHeads.contains(t.key())) {
                if (++words > 2) {
                    return false;
                }
            } else if (t.text().equals(",") && words > 0) {
                words = 0;
            } else {
                return t.key().equals("and") && words > 0 && tokens.get(j + 1).isCapitalized();
            }
        }
        return false;
    }

    /** A word that ends a name of its own: an organisation word or a legal form ("Treasury Department", "Inc"). */
    private boolean endsName(Token t) {
        return lexicon.orgSuffixes.contains(t.key()) || LEGAL_FORMS.contains(bare(t.text()));
    }

    /** An organisation word followed by "of" or "for" inside [from, to): "Institute of Chemistry". */
    private boolean hasInnerBodyWord(List<Token> tokens, int from, int to) {
        for (int k = from + 1; k + 2 < to; k++) {
            String next = tokens.get(k + 1).key();
            if (lexicon.orgSuffixes.contains(tokens.get(k).key()) && (next.equals("of") || next.equals("for"))) {
                return true;
            }
        }
        return false;
    }

    /** An "of" or "for" after an organisation word between {@code from} and {@code j}: "Department of Health". */
    private boolean hasBodyConnector(List<Token> tokens, int from, int j) {
        for (int k = from + 1; k < j; k++) {
            String key = tokens.get(k).key();
            if ((key.equals("of") || key.equals("for")) && (lexicon.orgSuffixes.contains(tokens.get(k - 1).key())
                    || lexicon.orgHeads.contains(tokens.get(from).key()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a capitalised word starts a name: at a sentence start it must be tagged a proper noun or be
     * capitalised mid-sentence elsewhere in the article; an adjective ("Western allies") only when a
     * capitalised name continues it ("Democratic Party").
     */
    private boolean acceptsAsName(Document doc, Sentence s, int i, boolean atStart) {
        Token t = s.tokens.get(i);
        if (t.text().length() == 1) {
            // "Ó Murchú": the Irish particle opens a surname; other single letters are not names.
            return IRISH_O.equals(t.text()) && i + 1 < s.tokens.size() && s.tokens.get(i + 1).isCapitalized();
        }
        if (isInitial(t) || t.isAllCaps() && t.text().length() <= 6) {
            return true;
        }
        if (isInnerCapitalName(t.text())) {
            // "KeyCorp", "NationsBank": a capital inside a word is no ordinary English word, even at a sentence start.
            return true;
        }
        if (isMediaNounAt(s.tokens, i + 1)) {
            // "Itar-Tass news agency quoted ...", "Al-Akhbar newspapers said": a title, wherever it stands.
            return true;
        }
        if (s.resultsLike && scoredNameEnd(s.tokens, i) > 0) {
            // "Reading 4 1 1 2 5 10 4" in a standings table: a capitalised name before its figures, even at the
            // line start, where the tagger reads an ordinary word ("reading") into it.
            return true;
        }
        String tag = tag(s, i);
        boolean continued = i + 1 < s.tokens.size() && s.tokens.get(i + 1).isCapitalized() && s.tokens.get(i + 1).isWord()
                && kb.lookup(s.tokens.get(i + 1).key()) == null;
        if (atStart) {
            if (tag.startsWith("PROPN") || doc.midSentenceCapitalised.contains(t.key()) || lexicon.firstNames.contains(t.key())) {
                return true;
            }
            Token next = i + 1 < s.tokens.size() ? s.tokens.get(i + 1) : null;
            boolean nameFollows = next != null && next.isCapitalized() && next.isWord() && kb.lookup(next.key()) == null
                    && !kb.isPrefix(next.key());
            if (nameFollows && !FUNCTION_TAGS.contains(tag) && !tag.equals("ADJ") && !tag.equals("NUM")) {
                // "Trevor Holland said": the model often mistags unfamiliar given names at a sentence start.
                return true;
            }
            if ((nameFollows || continued) && endsInLegalForm(s.tokens, i)) {
                // "Tarnwell Foods Inc. said": a company's name, however the tagger reads its first word.
                return true;
            }
            return continued && !FUNCTION_TAGS.contains(tag) && suffixEndsName(s, i);
        }
        // Inside a sentence capitals are strong evidence: only an adjective, adverb, verb or number reading
        // ("Western allies") overrules them; a pronoun or determiner tag there is the tagger's error.
        if (!MID_SENTENCE_NOT_NAME_TAGS.contains(tag) || lexicon.firstNames.contains(t.key())) {
            return true;
        }
        if (isSurnameNamedEarlier(doc, t.key())) {
            // "ordered Lebed to": the tagger reads an unfamiliar surname as a verb; the article named the person.
            return true;
        }
        // "Dublin Circuit Court": the tagger's verb reading of a word inside a body's name does not count.
        return continued && (!FUNCTION_TAGS.contains(tag) || suffixEndsName(s, i));
    }

    /**
     * Where a name from {@code i} ends when a number follows it, as in a results line or a table ("Queen of
     * South 3", "Stirling 3"): capitalised words, "of" between them. -1 when no such name starts at {@code i}.
     */
    private static int scoredNameEnd(List<Token> tokens, int i) {
        int j = i;
        while (j < tokens.size() && tokens.get(j).isWord() && !tokens.get(j).startsWithDigit()
                && (tokens.get(j).isCapitalized() || j > i && tokens.get(j).key().equals("of"))) {
            j++;
        }
        boolean name = j > i && tokens.get(j - 1).isCapitalized();
        return name && j < tokens.size() && tokens.get(j).startsWithDigit() ? j : -1;
    }

    /** The chunk starting at {@code i} ends in an organisation, place or event word ("Federal Open Market Committee"). */
    private boolean suffixEndsName(Sentence s, int i) {
        int end = chunkEnd(s, i);
        String last = s.tokens.get(end - 1).key();
        return end - i > 1 && (lexicon.orgSuffixes.contains(last) || lexicon.locSuffixes.contains(last)
                || lexicon.eventSuffixes.contains(last));
    }

    /** "J." or "P.": an initial of a given name. */
    /** "M." or run-together initials ("J.R.", "A.J.P."), but not the initials of a place or body ("U.S."). */
    private static boolean isInitial(Token t) {
        String text = t.text();
        if (text.length() < 2 || text.length() > 6 || text.length() % 2 != 0) {
            return false;
        }
        for (int k = 0; k < text.length(); k += 2) {
            if (!Character.isUpperCase(text.charAt(k)) || text.charAt(k + 1) != '.') {
                return false;
            }
        }
        return text.length() == 2 || !SentenceSplitter.PLACE_INITIALS.contains(text);
    }

    private String tag(Sentence s, int i) {
        if (s.tags == null) {
            s.tags = tagger.forSentence(s.words);
        }
        return s.tags.tag(i);
    }

    private static boolean isClauseOpener(String punct) {
        switch (punct) {
            case "\"":
            case "\u201c":
            case "\u2018":
            case "'":
            case "(":
            case ":":
            case "\u2022":
            case "-":
            case "\u2014":
            case "\u2013":
            case ";":
                return true;
            default:
                return false;
        }
    }

    /** Nouns that name a publication or broadcaster next to its name. */
    private static final Set<String> MEDIA_NOUNS = Set.of("daily", "weekly", "newspaper", "newspapers", "magazine",
            "tabloid", "broadsheet", "broadcaster", "newsweekly", "paper");

    /** Surname particles after which an inner capital is a person's name: McCain, MacArthur, DeLay, LeBlanc, DiMaggio. */
    private static final List<String> SURNAME_PARTICLES = List.of("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du");

    /**
     * A word with a capital after a lower-case letter that no surname particle explains ("KeyCorp",
     * "NationsBank", "PeopleSoft"): a company's or product's coined name.
     */
    static boolean isInnerCapitalName(String word) {
        if (word.length() < 4 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (int k = 2; k < word.length(); k++) {
            if (Character.isUpperCase(word.charAt(k)) && Character.isLowerCase(word.charAt(k - 1))) {
                String head = word.substring(0, k);
                return !SURNAME_PARTICLES.contains(head) && word.chars().allMatch(Character::isLetter);
            }
        }
        return false;
    }

    /** A lower-case media noun at {@code k}, or "news agency": what follows a newspaper's or agency's name. */
    private static boolean isMediaNounAt(List<Token> tokens, int k) {
        if (k >= tokens.size() || tokens.get(k).isCapitalized()) {
            return false;
        }
        String key = tokens.get(k).key();
        return MEDIA_NOUNS.contains(key) || key.equals("news") && k + 1 < tokens.size()
                && tokens.get(k + 1).key().equals("agency");
    }

    /** Cricket scorecard marks next to a player's name: caught, bowled, stumped ("c Healy b Fleming"). */
    private static final Set<String> CRICKET_DISMISSALS = Set.of("c", "b", "st");
    /** A bowler's figures: overs-maidens-runs-wickets ("10-0-41-2", "9.5-0-44-1"). */
    private static final java.util.regex.Pattern BOWLING_FIGURES = java.util.regex.Pattern.compile("\\d+(?:\\.\\d)?-\\d+-\\d+-\\d+");

    /** A whole number that reads as a person's age. */
    private static boolean isAge(Token t) {
        String text = t.text();
        if (text.length() < 1 || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int age = Integer.parseInt(text);
        return age >= 12 && age <= 110;
    }

    /** An unknown proper-noun chunk with its cue scores, or null when it is only a generic word. */
    private Candidate unknownCandidate(Sentence s, int from, int to, boolean titleBefore, boolean atStart) {
        List<Token> tokens = s.tokens;
        // Leading "The" is not part of the name in running text.
        while (from < to - 1 && tokens.get(from).key().equals("the")) {
            from++;
        }
        int len = to - from;
        Token first = tokens.get(from);
        Token last = tokens.get(to - 1);
        String firstKey = first.key();
        String lastKey = last.key();
        if (len == 1 && (lexicon.orgSuffixes.contains(lastKey) && !first.isAllCaps() || lexicon.locSuffixes.contains(lastKey)
                || lexicon.eventSuffixes.contains(lastKey) || lexicon.isTitle(lastKey)
                || lexicon.titleModifiers.contains(lastKey) || lexicon.connectors.contains(lastKey))) {
            return null;
        }
        if (len == 1 && first.isAllCaps() && to < tokens.size() && tokens.get(to).text().equals(":")) {
            // "ISSUE :", "NOTE:": a field label in a table or notice
            return null;
        }
        Candidate c = new Candidate(s, from, to, KnowledgeBase.joinKeys(tokens, from, to));
        boolean hasConnector = false;
        boolean hasKnownPlace = false;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (!t.isCapitalized()) {
                hasConnector = true;
            }
            KnowledgeBase.Alias alias = kb.lookup(t.key());
            // A lesser place first in a pair is as often a given name ("Devon White", "Aden Duale").
            // Nor is a known name after a given name ("Robert Coles" is no supermarket).
            if (alias != null && alias.entry().type() != EntityType.PERSON
                    && !(k == from && alias.entry().file().equals(KnowledgeBase.LESSER_PLACES))
                    && !(k == from + 1 && to - from == 2 && lexicon.firstNames.contains(tokens.get(from).key()))) {
                hasKnownPlace = true;
            }
        }
        Token before = from > 0 ? tokens.get(from - 1) : null;
        Token after = to < tokens.size() ? tokens.get(to) : null;
        Token afterNext = to + 1 < tokens.size() ? tokens.get(to + 1) : null;
        // "Max Planck Institute of Chemistry": an organisation word before "of" inside the name.
        boolean orgSuffix = len > 1 && (lexicon.orgSuffixes.contains(lastKey) || hasInnerBodyWord(tokens, from, to));
        if (titleBefore) {
            c.add(EntityType.PERSON, orgSuffix ? 0.5 : 3);
        }
        if (len == 2 && ROAD_HEADS.contains(firstKey) && last.startsWithDigit()) {
            c.add(EntityType.LOCATION, 3);
        }
        if (len > 1 && EVENT_HEADS.contains(firstKey)) {
            // "Typhoon Kiko", "Storm Ciaran", "Operation Sindoor": a named storm or operation.
            c.add(EntityType.EVENT, 3);
        }
        if (len > 2 && COMPASS.contains(firstKey) && tokens.get(from + 1).key().equals("of")
                && kb.lookup(tokens.get(from + 2).key()) != null && before != null && before.key().equals("the")) {
            // "the West of England", "the North of Ireland": a region named from a known place.
            c.add(EntityType.LOCATION, 3);
        }
        if (len > 2 && NOBLE_TITLES.contains(firstKey) && tokens.get(from + 1).key().equals("of")) {
            // "Duke of Norfolk", "Prince of Wales": a person known by a title and a place.
            c.add(EntityType.PERSON, 3);
        }
        if (len > 1 && (lexicon.firstNames.contains(firstKey) || isInitial(first)) && !orgSuffix) {
            c.add(EntityType.PERSON, 2);
        }
        if (len == 1 && kb.isPersonSurname(firstKey)) {
            // "now that Dole has narrowed the gap with Clinton": the surname of someone well known.
            c.add(EntityType.PERSON, 1.5);
        }
        if (len == 1 && lexicon.firstNames.contains(firstKey)) {
            // A given name alone ("Jane", "Steve") is mostly someone named informally or cut off by a line break.
            c.add(EntityType.PERSON, 1.0);
        }
        if (len > 1 && lexicon.personSuffixes.contains(lastKey)
                || len > 1 && to < tokens.size() && POST_NOMINALS.contains(tokens.get(to).key())
                        && tokens.get(to).isAllCaps()) {
            c.add(EntityType.PERSON, 2);
        }
        if (orgSuffix) {
            c.add(EntityType.ORGANIZATION, 3);
        }
        if (len > 1 && lexicon.orgHeads.contains(firstKey) && hasConnector) {
            c.add(EntityType.ORGANIZATION, 3);
        }
        if (len > 1 && (lexicon.locSuffixes.contains(lastKey) || lexicon.locHeads.contains(firstKey))) {
            c.add(EntityType.LOCATION, 3);
        }
        if (len > 1 && lexicon.eventSuffixes.contains(lastKey)) {
            c.add(EntityType.EVENT, 3);
        }
        if (len == 1 && first.isAllCaps() && first.text().length() <= 6) {
            c.add(EntityType.ORGANIZATION, 1.5);
        }
        if (len == 1 && isInnerCapitalName(first.text())) {
            c.add(EntityType.ORGANIZATION, 1.0);
        }
        boolean speaks = after != null && lexicon.speechVerbs.contains(after.key());
        boolean who = after != null && after.text().equals(",") && afterNext != null
                && (afterNext.key().equals("who") || afterNext.key().equals("whose"));
        // Not "told" or "tells": what follows them is the listener ("told Interfax.").
        boolean quotedAfterSpeech = before != null && lexicon.speechVerbs.contains(before.key()) && !before.isCapitalized()
                && !before.key().equals("told") && !before.key().startsWith("tell")
                && (after == null || after.text().equals(".") || after.text().equals(","));
        if (quotedAfterSpeech) {
            // "..., said Rios.": the speaker of a quote that ends the sentence (an organisation rarely comes after).
            c.add(EntityType.PERSON, 1.2);
        }
        if (after != null && after.text().equals(",") && afterNext != null && isAge(afterNext) && to + 2 < tokens.size()
                && tokens.get(to + 2).text().equals(",")) {
            // "Duran, 45, takes on ...": an age in apposition.
            c.add(EntityType.PERSON, 2);
        }
        if (len > 1 && (speaks || who)) {
            c.add(EntityType.PERSON, 1.2);
        } else if (len == 1 && who) {
            c.add(EntityType.PERSON, 1.2);
        } else if (len == 1 && speaks) {
            // Weaker than for a full name: companies and agencies "say" things too.
            c.add(EntityType.PERSON, 1.0);
        }
        if (after != null && lexicon.isTitle(after.key()) && !after.isCapitalized() || after != null
                && after.isCapitalized() && (after.key().equals("ceo") || after.key().equals("spokesman")
                || after.key().equals("spokeswoman") || after.key().equals("chairman"))) {
            // "Cofinec CEO Stephen Frater", "Petofi general manager": an organisation before a role.
            c.add(EntityType.ORGANIZATION, 1.5);
        }
        boolean cricketDismissal = s.scorecardLike && (before != null && CRICKET_DISMISSALS.contains(before.text())
                || after != null && (CRICKET_DISMISSALS.contains(after.text()) || after.text().equals("lbw")));
        boolean bowlingFigures = after != null && BOWLING_FIGURES.matcher(after.text()).matches();
        if (cricketDismissal || bowlingFigures) {
            // A scorecard: "M. Bevan c Vaas b Chandana 56", "Bowling: Gough 8-0-39-3": players, not teams.
            c.add(EntityType.PERSON, 3);
        } else if (s.resultsLike && after != null && after.isWord() && after.startsWithDigit()) {
            // "Crystal Palace 4 Leyton Orient 1": teams; a player's given name or initial still wins.
            c.add(EntityType.ORGANIZATION, len == 1 ? 2 : 1.5);
        }
        Token beforeOf = from > 1 ? tokens.get(from - 2) : null;
        if (before != null && before.key().equals("of") && beforeOf != null && PLACE_NOUNS.contains(beforeOf.key())) {
            // "the town of Uyo", "the province of Helmand"
            c.add(EntityType.LOCATION, 2.5);
        }
        if (before != null && before.key().equals("the") && beforeOf != null && lexicon.locPrepositions.contains(beforeOf.key())) {
            // "in the Midwest", "across the Balkans"
            c.add(EntityType.LOCATION, 0.8);
        }
        if (before != null && lexicon.locPrepositions.contains(before.key())) {
            c.add(EntityType.LOCATION, len == 1 ? 1.2 : 0.8);
        }
        if (before != null && !before.isCapitalized() && MEDIA_NOUNS.contains(before.key()) || isMediaNounAt(tokens, to)) {
            // "the daily Zycie Warszawy", "Le Matin newspaper": a newspaper or broadcaster.
            c.add(EntityType.ORGANIZATION, 2);
        }
        boolean placeAfterThe = before != null && before.key().equals("the") && beforeOf != null
                && lexicon.locPrepositions.contains(beforeOf.key());
        if (before != null && before.key().equals("the") && !placeAfterThe) {
            c.add(EntityType.ORGANIZATION, 0.7);
        }
        if (after != null && !after.isCapitalized() && PLACE_NOUNS.contains(after.key()) && !lexicon.orgSuffixes.contains(after.key())) {
            // "Jiangsu province", "the Sikhin village": the name of the place the noun names.
            c.add(EntityType.LOCATION, 2);
        }
        if (after != null && after.text().equals(",") && afterNext != null) {
            KnowledgeBase.Alias place = kb.lookup(afterNext.key());
            if (place != null && place.entry().type() == EntityType.LOCATION && !place.demonym()) {
                c.add(EntityType.LOCATION, 1.5);
            }
        }
        if (len == 1 && !atStart && tag(s, from).startsWith("PROPN")) {
            c.add(EntityType.ORGANIZATION, 0.4);
        }
        if (len == 1 && s.nameList && before != null && LIST_SEPARATORS.contains(before.key())
                && (after == null || LIST_SEPARATORS.contains(after.key()) || after.text().equals(".") || after.text().equals("("))) {
            // A squad or a roll of surnames: an item of a list of bare names, none of them a known place or body.
            c.add(EntityType.PERSON, 1.5);
        }
        EntityType pronounType = pronounAfter(tokens, to);
        if (pronounType != null) {
            // "Jansher said that he ...", "Infineon said its ...": the next pronoun refers back to the name.
            c.add(pronounType, 1.0);
        }
        if (hasKnownPlace && len > 1) {
            // "Cafe Ukraine", "Dynamo Moscow": a known place inside a longer name mostly names an organisation.
            c.add(EntityType.ORGANIZATION, 0.9);
        } else if (len > 1 && len <= 3 && !hasConnector && !hasAllCaps(tokens, from, to)) {
            // Most capitalised pairs and triples in news are people's names ("LM Ericsson" is not); weakly, since the
            // given names of many languages are known: an unknown pair after "at" or "the" is rather a place or body.
            c.add(EntityType.PERSON, 0.5);
        }
        return c;
    }

    /** "HD.N", "MSFT.O", "VOD.L" starting at token i: the tokenizer splits an exchange code at its dot. */
    private static boolean isExchangeCode(List<Token> tokens, int i) {
        if (i + 2 >= tokens.size()) {
            return false;
        }
        Token code = tokens.get(i);
        Token dot = tokens.get(i + 1);
        Token suffix = tokens.get(i + 2);
        return dot.start() == code.end() && suffix.start() == dot.end()
                && SentenceSplitter.isExchangeCode(code.text() + dot.text() + suffix.text())
                && (i + 3 >= tokens.size() || !tokens.get(i + 3).text().equals("."));
    }

    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "him", "his", "her", "himself", "herself");

    /**
     * The type the first third-person pronoun after a name points to, within its clause: PERSON for he/she/his/her,
     * ORGANIZATION for its (or "it" right after a speech verb: "said it would"); null when another name, a
     * role ("chief executive said he") or a possessive comes first, so the pronoun may mean someone else.
     */
    private EntityType pronounAfter(List<Token> tokens, int to) {
        int limit = Math.min(tokens.size(), to + 10);
        for (int k = to; k < limit; k++) {
            Token t = tokens.get(k);
            String key = t.key();
            if (PERSON_PRONOUNS.contains(key)) {
                return k > to ? EntityType.PERSON : null;
            }
            if (key.equals("its") || key.equals("itself")
                    || key.equals("it") && k > to && lexicon.speechVerbs.contains(tokens.get(k - 1).key())) {
                return EntityType.ORGANIZATION;
            }
            if (t.isCapitalized() || key.equals("'s") || key.equals("'") || key.equals(";") || key.equals("\"")
                    || lexicon.isTitle(key) || key.equals("they") || key.equals("their") || key.equals("it")) {
                return null;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // Linking

    private void resolve(Document doc) {
        // Knowledge-base matches first: they establish names that unknown chunks may link to.
        for (Candidate c : doc.candidates) {
            if (c.alias != null && c.alias.entry().type() == EntityType.PERSON) {
                c.resolved = resolvedFor(doc, c.alias.entry());
            }
        }
        // Cue scores summed over all occurrences of the same unknown name.
        Map<String, double[]> scoresByKey = new HashMap<>();
        for (Candidate c : doc.candidates) {
            if (c.alias == null) {
                double[] sum = scoresByKey.computeIfAbsent(c.key, k -> new double[EntityType.values().length]);
                for (int t = 0; t < sum.length; t++) {
                    sum[t] += c.scores[t];
                }
            }
        }
        // Short forms of an organisation the article names in full: "Cisco" and "Cisco Systems" for
        // "Cisco Systems Inc.", "Red Sox" for "Boston Red Sox". Known names (aliases) keep their own meaning.
        Map<String, Resolved> organisationsByShortForm = new HashMap<>();
        for (Candidate c : doc.candidates) {
            EntityType type = c.alias != null ? c.alias.entry().type() : best(scoresByKey.get(c.key));
            if (type != EntityType.ORGANIZATION) {
                continue;
            }
            List<Token> tokens = c.sentence.tokens;
            int to = c.to;
            while (to - c.from > 1 && LEGAL_FORMS.contains(bare(tokens.get(to - 1).text()))) {
                to--;
            }
            int words = to - c.from;
            if (words < 2) {
                continue;
            }
            Resolved organisation = c.alias != null ? resolvedFor(doc, c.alias.entry()) : resolvedFor(doc, type, nameOf(c));
            for (int k = 1; k <= words; k++) {
                organisationsByShortForm.putIfAbsent(KnowledgeBase.joinKeys(tokens, c.from, c.from + k), organisation);
            }
            for (int k = 2; k < words; k++) {
                organisationsByShortForm.putIfAbsent(KnowledgeBase.joinKeys(tokens, to - k, to), organisation);
            }
        }
        // Multi-word persons register their surname (and first word: "Chen" of "Chen Zhi") for linking.
        Map<String, Resolved> personParts = new HashMap<>();
        Map<String, Resolved> personLastNames = new HashMap<>();
        for (Candidate c : doc.candidates) {
            if (c.length() < 2 || c.alias == null && isShoutedByline(c)) {
                continue;
            }
            EntityType type = c.alias != null ? c.alias.entry().type() : best(scoresByKey.get(c.key));
            if (type != EntityType.PERSON || c.alias == null
                    && organisationsByShortForm.containsKey(KnowledgeBase.joinKeys(c.sentence.tokens, c.from, c.to))) {
                continue;
            }
            Resolved person = c.alias != null ? resolvedFor(doc, c.alias.entry()) : null;
            if (person == null) {
                person = resolvedFor(doc, EntityType.PERSON, nameOf(c));
            }
            c.resolved = person;
            List<Token> tokens = c.sentence.tokens;
            personLastNames.putIfAbsent(tokens.get(c.to - 1).key(), person);
            // The first word stands for the person only when the name is surely a person's ("Chen" of the
            // known "Chen Zhi"), not for a pair of unknown words typed a person by default.
            if (c.alias != null || scoresByKey.get(c.key)[EntityType.PERSON.ordinal()] >= 2) {
                personParts.putIfAbsent(tokens.get(c.from).key(), person);
            }
        }
        Map<String, Resolved> organisationsByInitials = new HashMap<>();
        for (Candidate c : doc.candidates) {
            EntityType type = c.alias != null ? c.alias.entry().type() : best(scoresByKey.get(c.key));
            String initials = initials(c);
            if (type == EntityType.ORGANIZATION && initials.length() >= 2) {
                Resolved organisation = c.alias != null ? resolvedFor(doc, c.alias.entry()) : resolvedFor(doc, type, nameOf(c));
                organisationsByInitials.putIfAbsent(initials, organisation);
            }
        }
        for (Candidate c : doc.candidates) {
            if (c.resolved != null) {
                continue;
            }
            if (c.alias != null) {
                // A bare surname alias of a famous person, or a place, yields to a namesake the article
                // introduced ("MaliVai Washington" ... "Washington said").
                KnowledgeBase.Entry entry = c.alias.entry();
                Resolved local = c.length() == 1 && !c.alias.demonym() ? personLastNames.get(c.key) : null;
                if (local == null && isSideNamedByItsTown(doc, c)) {
                    // "Newcastle United ... Newcastle": in a sports story the town of a club named in full is the club.
                    local = organisationsByShortForm.get(c.key);
                }
                c.resolved = local != null ? local : resolvedFor(doc, entry);
                continue;
            }
            if (c.length() == 1 && c.sentence.tokens.get(c.from).isAllCaps()) {
                // "Islamic Revolutionary Guard Corps (IRGC)": an unknown acronym of an organisation named here
                Resolved organisation = organisationsByInitials.get(c.key.replace(" ", ""));
                if (organisation != null) {
                    c.resolved = organisation;
                    continue;
                }
            }
            List<Token> candidateTokens = c.sentence.tokens;
            if (c.length() == 1 && candidateTokens.get(c.from).isAllCaps() && c.from > 0
                    && candidateTokens.get(c.from - 1).text().equals("(") && c.to < candidateTokens.size()
                    && candidateTokens.get(c.to).text().equals(")")) {
                // "the National Bank of Romania (BNR)", "Party of Democratic Action (SDA)": the acronym the
                // organisation just named goes by, even when its initials follow another language's word order.
                Candidate named = candidateEndingAt(doc, c.sentence, c.from - 1);
                if (named != null && named.resolved != null && named.resolved.type == EntityType.ORGANIZATION) {
                    c.resolved = named.resolved;
                    organisationsByInitials.putIfAbsent(c.key.replace(" ", ""), named.resolved);
                    continue;
                }
            }
            if (c.length() == 1 && candidateTokens.get(c.from).isAllCaps() && c.from > 0
                    && candidateTokens.get(c.from - 1).text().equals("(")) {
                // "Home Depot Inc. (HD.N)": a ticker, or an acronym of nothing named here
                continue;
            }
            if (c.length() == 1 && isExchangeCode(candidateTokens, c.from)) {
                // "Home Depot Inc. HD.N for $271 million": a Reuters instrument code, not a name
                continue;
            }
            if (isShoutedByline(c)) {
                continue;
            }
            if (c.length() <= 3) {
                Resolved organisation = organisationsByShortForm.get(KnowledgeBase.joinKeys(candidateTokens, c.from, c.to));
                if (organisation != null && personLastNames.get(c.key) == null) {
                    c.resolved = organisation;
                    continue;
                }
            }
            if (c.length() == 1) {
                Resolved person = personLastNames.get(c.key);
                if (person == null) {
                    person = personParts.get(c.key);
                }
                if (person != null) {
                    c.resolved = person;
                    continue;
                }
            }
            double[] scores = scoresByKey.get(c.key);
            EntityType type = best(scores);
            if (type == null) {
                continue;
            }
            c.resolved = resolvedFor(doc, type, nameOf(c));
        }
        for (Candidate c : doc.candidates) {
            if (c.resolved != null) {
                boolean demonym = isAdjectival(c);
                addMention(doc, c.resolved, c.sentence.index, c.start, c.end, demonym);
            }
        }
        for (Resolved r : doc.entities.values()) {
            registerKnownName(doc, r, r.name);
            for (Mention m : r.mentions) {
                registerKnownName(doc, r, m.text());
            }
        }
        for (Map.Entry<String, Resolved> e : personLastNames.entrySet()) {
            doc.knownNames.putIfAbsent(e.getKey(), e.getValue());
        }
    }

    /** Lower-case initials of a multi-word name's capitalised words ("Islamic Revolutionary Guard Corps": "irgc"). */
    /**
     * A known town (not a country) in a sports story, not in capitals (a dateline) nor after "in", "at" or "from":
     * it may stand for its side.
     */
    private boolean isSideNamedByItsTown(Document doc, Candidate c) {
        KnowledgeBase.Entry entry = c.alias.entry();
        if (!doc.sportsStory || entry.type() != EntityType.LOCATION || c.alias.demonym()
                || isCountryOrNation(entry)) {
            return false;
        }
        if (c.sentence.tokens.get(c.from).isAllCaps()) {
            // "NEW YORK 1996-08-28": a dateline names the place.
            return false;
        }
        Token before = c.from > 0 ? c.sentence.tokens.get(c.from - 1) : null;
        return before == null || !lexicon.locPrepositions.contains(before.key());
    }

    private static String initials(Candidate c) {
        if (c.length() < 2) {
            return "";
        }
        StringBuilder initials = new StringBuilder();
        for (int i = c.from; i < c.to; i++) {
            Token t = c.sentence.tokens.get(i);
            if (t.isWord() && t.isCapitalized()) {
                initials.append(Character.toLowerCase(t.text().charAt(0)));
            }
        }
        return initials.toString();
    }

    private static void registerKnownName(Document doc, Resolved r, String form) {
        List<Token> tokens = WordTokenizer.tokenize(form, 0, form.length());
        if (tokens.isEmpty()) {
            return;
        }
        doc.knownNames.putIfAbsent(KnowledgeBase.joinKeys(tokens, 0, tokens.size()), r);
    }

    /** Whether a multi-word name found so far ends in the word with this key ("Alexander Lebed" for "lebed"). */
    private static boolean isSurnameNamedEarlier(Document doc, String key) {
        for (Candidate c : doc.candidates) {
            if (c.length() >= 2 && c.alias == null && c.sentence.tokens.get(c.to - 1).key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The candidate in sentence {@code s} that ends at token {@code to} (exclusive), if any. */
    private static Candidate candidateEndingAt(Document doc, Sentence s, int to) {
        for (Candidate other : doc.candidates) {
            if (other.sentence == s && other.to == to) {
                return other;
            }
        }
        return null;
    }

    /** "LAURAN NEERGAARD WASHINGTON" opening a body: a shouted byline and dateline, not one name. */
    private static boolean isShoutedByline(Candidate c) {
        return !c.bylineName && c.length() >= 2 && c.start < 120 && allCaps(c.sentence.tokens, c.from, c.to);
    }

    private static EntityType best(double[] scores) {
        if (scores == null) {
            return null;
        }
        int best = -1;
        for (int t = 0; t < scores.length; t++) {
            if (scores[t] > 0 && (best < 0 || scores[t] > scores[best])) {
                best = t;
            }
        }
        return best < 0 ? null : EntityType.values()[best];
    }

    private static String nameOf(Candidate c) {
        List<Token> tokens = c.sentence.tokens;
        StringBuilder name = new StringBuilder();
        for (int i = c.from; i < c.to; i++) {
            if (i > c.from && tokens.get(i).start() > tokens.get(i - 1).end()) {
                name.append(' ');
            }
            name.append(c.bylineName ? capitalized(tokens.get(i).text()) : tokens.get(i).text());
        }
        return name.toString();
    }

    /** "NEERGAARD" to "Neergaard", "O'BRIEN-SMITH" to "O'Brien-Smith": capitals only after a non-letter. */
    private static String capitalized(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean afterLetter = false;
        for (int k = 0; k < word.length(); k++) {
            char ch = word.charAt(k);
            out.append(afterLetter ? Character.toLowerCase(ch) : ch);
            afterLetter = Character.isLetter(ch);
        }
        return out.toString();
    }

    private Resolved resolvedFor(Document doc, KnowledgeBase.Entry entry) {
        Resolved resolved = doc.entities.computeIfAbsent(entry.id(), id -> new Resolved(id, entry.type(), entry.name()));
        resolved.entry = entry;
        return resolved;
    }

    private Resolved resolvedFor(Document doc, EntityType type, String name) {
        String canonical = type == EntityType.ORGANIZATION ? withoutLegalForm(name) : name;
        String id = EntitySlugs.slug(type, canonical);
        return doc.entities.computeIfAbsent(id, k -> new Resolved(k, type, canonical));
    }

    /** Legal forms that end company names; the canonical name leaves them out ("Home Depot Inc." is Home Depot). */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "corp", "co", "ltd", "plc", "llc", "ag", "gmbh", "sa",
            "nv", "bv", "spa", "ab", "asa", "oyj", "kgaa", "limited", "incorporated");

    private static String bare(String word) {
        return word.replace(".", "").replace(",", "").toLowerCase(java.util.Locale.ROOT);
    }

    static String withoutLegalForm(String name) {
        String[] words = name.split(" ");
        int end = words.length;
        while (end > 1 && LEGAL_FORMS.contains(bare(words[end - 1]))) {
            end--;
        }
        String kept = String.join(" ", java.util.Arrays.copyOf(words, end));
        return kept.endsWith(",") ? kept.substring(0, kept.length() - 1) : kept;
    }

    private static boolean allCaps(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.isWord() && !t.isAllCaps()) {
                return false;
            }
        }
        return true;
    }

    private static void addMention(Document doc, Resolved r, int sentence, int start, int end, boolean demonym) {
        for (Mention m : r.mentions) {
            if (m.start() == start) {
                return;
            }
        }
        r.mentions.add(new Mention(doc.body.substring(start, end), start, end));
        r.firstSentence = Math.min(r.firstSentence, sentence);
        if (demonym) {
            r.demonymMentions++;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Output

    /** The known domain of each reported entity the knowledge base gives one (by entity id). */
    private static Map<String, KnownDomain> domains(Document doc, List<Entity> entities) {
        Map<String, KnownDomain> domains = new HashMap<>();
        for (Entity entity : entities) {
            // Every resolved entity, headline-only ones included, is kept in doc.entities by id.
            Resolved r = doc.entities.get(entity.id());
            if (r != null && r.entry != null && r.entry.domain() != null) {
                domains.put(entity.id(), r.entry.domain());
            }
        }
        return domains;
    }

    private List<Entity> build(Document doc) {
        int maxCount = 1;
        for (Resolved r : doc.entities.values()) {
            maxCount = Math.max(maxCount, r.mentions.size());
        }
        List<Entity> entities = new ArrayList<>();
        for (Resolved r : doc.entities.values()) {
            boolean headline = doc.inHeadline.contains(r);
            if (r.mentions.isEmpty() && !headline) {
                continue;
            }
            r.mentions.sort(Comparator.comparingInt(Mention::start));
            entities.add(new Entity(r.id, r.type, r.name, List.copyOf(r.mentions), r.mentions.size(),
                    salience(doc, r, headline, maxCount)));
        }
        for (Resolved r : doc.inHeadline) {
            if (!doc.entities.containsValue(r)) {
                entities.add(new Entity(r.id, r.type, r.name, List.of(), 0, salience(doc, r, true, maxCount)));
            }
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed()
                .thenComparing(Comparator.comparingInt(Entity::count).reversed())
                .thenComparing(Entity::name));
        return entities;
    }

    /**
     * Salience in [0, 1]: naming in the headline, appearing in the lead, how early and how often relative
     * to the article's most frequent entity. An entity known only by demonyms ("Iranian officials") is
     * less central than one named.
     */
    private static double salience(Document doc, Resolved r, boolean inHeadline, int maxCount) {
        double score = inHeadline ? 0.4 : 0;
        if (!r.mentions.isEmpty()) {
            if (r.firstSentence < LEAD_SENTENCES) {
                score += 0.2;
            }
            double position = doc.body.isEmpty() ? 1 : (double) r.mentions.get(0).start() / doc.body.length();
            score += 0.1 * (1 - position);
            score += 0.3 * Math.min(1.0, (double) r.mentions.size() / maxCount);
            if (r.demonymMentions == r.mentions.size()) {
                score *= 0.75;
            }
        }
        return Math.round(Math.min(1.0, Math.max(0.0, score)) * 1000) / 1000.0;
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** Lines as units for languages without a sentence model here. */
    private static List<int[]> lines(String body) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                lines.add(new int[] {start, end});
            }
            start = end + 1;
        }
        return lines;
    }

    /** Connectors of a fixture line: "at" (home team second) and "v"/"vs" (versus). */
    private static final Set<String> FIXTURE_CONNECTORS = Set.of("at", "v", "vs", "vs.");

    /**
     * Whether the name ending at {@code to} on a fixture line is a team: both sides of "v", but only the visitors
     * before "at" ("KANSAS CITY AT DETROIT": the game is played in Detroit, which stays a place).
     */
    private static boolean isFixtureTeam(Sentence s, int to) {
        return s.fixtureConnector >= 0 && (!s.tokens.get(s.fixtureConnector).key().equals("at") || to <= s.fixtureConnector);
    }

    /**
     * The index of the connector when the line is capitalised words with one fixture connector between them and
     * nothing else ("KANSAS CITY AT DETROIT"), else -1.
     */
    private static int fixtureConnector(List<Token> tokens) {
        if (tokens.size() < 3 || tokens.size() > 8) {
            return -1;
        }
        int connector = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (FIXTURE_CONNECTORS.contains(t.key()) && connector < 0 && i > 0 && i < tokens.size() - 1) {
                connector = i;
            } else if (!t.isWord() || !t.isCapitalized()) {
                return -1;
            }
        }
        return connector;
    }

    /** Two or more "Name score" pairs and next to no lower-case words: a line of sports results or standings. */
    private static boolean isResultsLine(List<Token> tokens) {
        int pairs = 0;
        int lowerWords = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = tokens.get(i + 1);
            if (t.isWord() && t.isCapitalized() && next.isWord() && next.startsWithDigit()) {
                pairs++;
            }
            if (t.isWord() && Character.isLowerCase(t.text().charAt(0)) && t.text().length() > 3) {
                lowerWords++;
            }
        }
        boolean table = pairs >= 1 && tokens.stream().filter(t -> t.isWord() && t.startsWithDigit()).count() >= 3;
        return (pairs >= 2 || table) && lowerWords <= 1;
    }

    private static final Set<String> LIST_SEPARATORS = Set.of(",", ":", ";", "and");

    /**
     * A list of at least four names of one to three capitalised words each, after its last colon if it has one
     * ("Pakistan : Aamir Sohail , Saeed Anwar , ..."), with few lower-case words around it and none of its items a
     * place or organisation the knowledge base knows (that would be a list of places or bodies, not of people).
     * Three items are enough right after a colon ("Did not bat : Dharmasena , Vaas , Muralitharan .").
     */
    private boolean isNameList(List<Token> tokens) {
        int start = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).text().equals(":")) {
                start = i + 1;
                break;
            }
        }
        int items = 0;
        int lowerWords = 0;
        int itemStart = start;
        for (int i = start; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            boolean separator = t == null || LIST_SEPARATORS.contains(t.key()) || t.text().equals(".");
            if (!separator) {
                continue;
            }
            int length = i - itemStart;
            if (length >= 1 && length <= 3) {
                boolean names = true;
                for (int k = itemStart; k < i && names; k++) {
                    names = tokens.get(k).isWord() && tokens.get(k).isCapitalized();
                }
                if (names) {
                    KnowledgeBase.Alias known = kb.lookup(KnowledgeBase.joinKeys(tokens, itemStart, i));
                    if (known != null && known.entry().type() != EntityType.PERSON
                            || length == 1 && lexicon.nonEntities.contains(tokens.get(itemStart).key())) {
                        return false;
                    }
                    items++;
                }
            }
            itemStart = i + 1;
        }
        for (Token t : tokens) {
            if (t.isWord() && Character.isLowerCase(t.text().charAt(0)) && t.text().length() > 2 && !t.key().equals("and")) {
                lowerWords++;
            }
        }
        return (items >= 4 || items >= 3 && start > 0) && lowerWords <= 5 && items > lowerWords;
    }

    /** A scorecard line ("Salim Malik c Stewart b Hollioake 23"): Title Case, but its capitals are all names. */
    private static boolean hasCricketDismissal(List<Token> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            String previous = tokens.get(i - 1).text();
            if (CRICKET_DISMISSALS.contains(tokens.get(i).text()) && tokens.get(i + 1).isCapitalized()
                    && (tokens.get(i - 1).isCapitalized() || previous.equals("lbw") || previous.equals("and"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line in capitals or Title Case (headlines, captions, sports tables): capitalisation cannot
     * separate names from other words there. Title Case means no lower-case word longer than a short
     * preposition; a name-dense prose sentence still has its verbs in lower case.
     */
    private boolean isHeadlineLike(List<Token> tokens) {
        int words = 0;
        int capitalised = 0;
        int allCaps = 0;
        int lowerContent = 0;
        int listMarks = 0;
        for (Token t : tokens) {
            if (!t.isWord() || !t.startsWithLetter()) {
                if (t.text().equals(",") || t.text().equals("(") || t.text().equals(";")
                        || t.isWord() && t.startsWithDigit()) {
                    listMarks++;
                }
                continue;
            }
            words++;
            if (t.isCapitalized()) {
                capitalised++;
                if (t.isAllCaps()) {
                    allCaps++;
                }
            } else if (t.text().length() > 3 && !SHORT_FUNCTION_WORDS.contains(t.key())) {
                lowerContent++;
            }
        }
        if (words < 3) {
            return false;
        }
        if (allCaps * 10 >= words * 6) {
            return true;
        }
        // Lists of names ("Mike Hulbert, Brian Henninger, ...") and results lines are Title Case too, but
        // their capitals are names: leave them to the chunker.
        return lowerContent == 0 && capitalised >= 4 && capitalised * 10 >= words * 6 && listMarks < 2;
    }
}
