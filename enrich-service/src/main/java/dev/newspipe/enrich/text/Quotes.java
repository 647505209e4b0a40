package dev.newspipe.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleEnriched.Quote;

/**
 * Direct quotes in a body and who said them. A quote is the text between a pair of straight double
 * quotes or curly double quotes within one paragraph; it may run over several sentences. Quotes of one
 * to three words are scare quotes or fragments ("everything possible") and are kept only when the text
 * attributes them.
 *
 * <p>The speaker comes from the words around the quote, in this order: right after it
 * ({@code ," Blinken said}, {@code ," said Blinken}, {@code ," he vowed}, {@code ," according to the embassy}),
 * right before it in the same sentence ({@code Patel told reporters, "}, {@code saying this week: "}),
 * a continuation ({@code adding, "} takes the previous quote's speaker), and last a {@code , it said}
 * later in the same sentence. The speaker's words are matched to an entity mention that overlaps them
 * (a PERSON or ORGANIZATION nearest the verb preferred), else by surname or head noun to an entity's
 * name; a pronoun takes the most recent PERSON ("he", "she") or ORGANIZATION ("it") mentioned before it.
 * Offsets are [start, end) of the quoted text inside the marks. Stateless and thread-safe.
 */
public final class Quotes {

    private static final int MAX_SCARE_WORDS = 3;
    private static final int WINDOW = 220;

    private static final String VERB = "(?:said|says|say|told|tells|added|adds|vowed|vows|warned|warns|wrote|writes|stated|states"
            + "|asked|asks|explained|explains|noted|notes|insisted|insists|argued|argues|claimed|claims|declared|declares"
            + "|continued|tweeted|posted|replied|recalled|admitted|acknowledged|stressed|stresses|announced|concluded"
            + "|remarked|urged|urges|pledged|promised|conceded|complained|cautioned|suggested|observed|commented"
            + "|responded|answered|testified|shouted|whispered|saying|adding|telling|stressing|warning|writing|noting"
            + "|insisting|arguing|explaining|declaring)";
    /** Capitalised words, with the small words that sit inside names and titles ("Secretary of State"). */
    private static final String NAME = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:(?:of|the|for|de|la|van|von|der|al|bin|da|du|and)\\s+)*"
            + "\\p{Lu}[\\p{L}\\p{M}'’.-]*)*)";
    private static final String PRONOUN = "(?:he|she|it|they|He|She|It|They)";
    private static final String NOUN_PHRASE = "(?:(?:the|The|its|his|her|their)\\s+(?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)";
    private static final String SPEAKER = "(" + PRONOUN + "|" + NAME + "|" + NOUN_PHRASE + ")";

    /** Right after the closing mark: ", Blinken said" / ", said Blinken" / ", according to the embassy". */
    private static final Pattern AFTER_SPEAKER_VERB = Pattern.compile("^[\\s,]*" + SPEAKER + "\\s+" + VERB + "\\b");
    private static final Pattern AFTER_VERB_SPEAKER = Pattern.compile("^[\\s,]*" + VERB + "\\s+" + SPEAKER);
    private static final Pattern AFTER_ACCORDING = Pattern.compile("^[\\s,]*according\\s+to\\s+" + SPEAKER);
    /** Before the opening mark, up to it: "Patel told reporters, " / "he said: ". */
    private static final Pattern BEFORE = Pattern.compile(SPEAKER + "\\s+(?:\\p{Ll}+ly\\s+)?" + VERB
            + "\\b[^\"“”.!?]{0,90}?[,:]\\s*$");
    private static final Pattern BEFORE_CONTINUATION = Pattern.compile("\\b(?:adding|continuing|and\\s+added)[,:]?\\s*$");
    private static final Pattern SPEECH_VERB = Pattern.compile("\\b(?:" + VERB + "|denied|denies)\\b");
    /** Later in the same sentence: "…, it said." */
    private static final Pattern LATER_IN_SENTENCE = Pattern.compile("[,\u2014\u2013-]\\s*" + SPEAKER + "\\s+" + VERB + "\\b");

    private record Span(int start, int end, String text) {
    }

    private record Speaker(String id, String name) {
        static final Speaker NONE = new Speaker(null, null);
    }

    public List<Quote> find(String body, List<Entity> entities) {
        List<Quote> quotes = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return quotes;
        }
        List<Entity> known = entities == null ? List.of() : entities;
        Speaker previous = Speaker.NONE;
        for (int[] pair : pairs(body)) {
            int start = pair[0];
            int end = pair[1];
            while (start < end && Character.isWhitespace(body.charAt(start))) {
                start++;
            }
            // the comma before an attribution sits inside the marks in English style; it is not part of what was said
            while (end > start && (Character.isWhitespace(body.charAt(end - 1)) || body.charAt(end - 1) == ',')) {
                end--;
            }
            if (end <= start) {
                continue;
            }
            String text = body.substring(start, end);
            Speaker speaker = attribute(body, pair[0] - 1, pair[1] + 1, known, previous);
            boolean attributed = speaker != null;
            if (!attributed && text.split("\\s+").length <= MAX_SCARE_WORDS) {
                continue;
            }
            Speaker found = attributed ? speaker : subjectOfSentence(body, pair[0] - 1, known);
            quotes.add(new Quote(text, start, end, found.id(), found.name()));
            if (found.name() != null) {
                previous = found;
            }
        }
        return quotes;
    }

    /**
     * Weakest evidence, for quotes without an attribution of their own: a speech verb earlier in the
     * sentence and a PERSON or ORGANIZATION mentioned before it ("X denied …, stressing that Iran "…"").
     */
    private static Speaker subjectOfSentence(String body, int openMark, List<Entity> entities) {
        int sentenceStart = sentenceStart(body, openMark);
        Matcher verbs = SPEECH_VERB.matcher(body).region(sentenceStart, Math.max(sentenceStart, openMark));
        int verb = -1;
        while (verbs.find()) {
            verb = verbs.start();
        }
        if (verb < 0) {
            return Speaker.NONE;
        }
        Entity best = null;
        int bestStart = -1;
        for (Entity e : entities) {
            if (!speaking(e.type())) {
                continue;
            }
            for (Mention mention : e.mentions()) {
                if (mention.start() >= sentenceStart && mention.end() <= verb && mention.start() > bestStart) {
                    best = e;
                    bestStart = mention.start();
                }
            }
        }
        return best == null ? Speaker.NONE : new Speaker(best.id(), best.name());
    }

    /**
     * Pairs of quote marks within a paragraph, as [contentStart, contentEnd). Curly marks pair as open and
     * close; straight marks pair in order; an unpaired mark is dropped at the paragraph's end.
     */
    static List<int[]> pairs(String body) {
        List<int[]> pairs = new ArrayList<>();
        int straightOpen = -1;
        int curlyOpen = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                straightOpen = -1;
                curlyOpen = -1;
            } else if (c == '"') {
                if (straightOpen < 0) {
                    straightOpen = i;
                } else {
                    pairs.add(new int[] {straightOpen + 1, i});
                    straightOpen = -1;
                }
            } else if (c == '\u201C') {
                curlyOpen = i;
            } else if (c == '\u201D' && curlyOpen >= 0) {
                pairs.add(new int[] {curlyOpen + 1, i});
                curlyOpen = -1;
            }
        }
        pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
        return pairs;
    }

    /** The speaker, Speaker.NONE when attributed to someone not resolvable, null when not attributed. */
    private Speaker attribute(String body, int openMark, int afterCloseMark, List<Entity> entities, Speaker previous) {
        int afterEnd = Math.min(body.length(), afterCloseMark + WINDOW);
        int newline = body.indexOf('\n', afterCloseMark);
        if (newline >= 0 && newline < afterEnd) {
            afterEnd = newline;
        }
        String after = body.substring(Math.min(afterCloseMark, afterEnd), afterEnd);
        Matcher m = AFTER_SPEAKER_VERB.matcher(after);
        if (m.find()) {
            return resolve(body, afterCloseMark + m.start(1), afterCloseMark + m.end(1), openMark, afterCloseMark, entities);
        }
        m = AFTER_VERB_SPEAKER.matcher(after);
        if (m.find() && !isPronoun(m.group(1))) {
            return resolve(body, afterCloseMark + m.start(1), afterCloseMark + m.end(1), openMark, afterCloseMark, entities);
        }
        m = AFTER_ACCORDING.matcher(after);
        if (m.find()) {
            return resolve(body, afterCloseMark + m.start(1), afterCloseMark + m.end(1), openMark, afterCloseMark, entities);
        }
        int sentenceStart = sentenceStart(body, openMark);
        String before = body.substring(sentenceStart, Math.max(sentenceStart, openMark));
        if (BEFORE_CONTINUATION.matcher(before).find() && previous.name() != null) {
            return previous;
        }
        m = BEFORE.matcher(before);
        if (m.find()) {
            return resolve(body, sentenceStart + m.start(1), sentenceStart + m.end(1), openMark, afterCloseMark, entities);
        }
        String rest = after.substring(0, sentenceEnd(after));
        m = LATER_IN_SENTENCE.matcher(rest);
        if (m.find()) {
            return resolve(body, afterCloseMark + m.start(1), afterCloseMark + m.end(1), openMark, afterCloseMark, entities);
        }
        return null;
    }

    private static int sentenceStart(String body, int from) {
        int limit = Math.max(0, from - WINDOW);
        for (int i = from - 1; i > limit; i--) {
            char c = body.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < body.length() && Character.isWhitespace(body.charAt(i + 1))
                    && i - 1 >= 0 && Character.isLowerCase(body.charAt(i - 1))) {
                return i + 1;
            }
        }
        return limit;
    }

    private static int sentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isPronoun(String words) {
        return words.matches(PRONOUN);
    }

    /** The entity behind the speaker's words [start, end); Speaker.NONE when the words name no known entity. */
    private Speaker resolve(String body, int start, int end, int openMark, int afterCloseMark, List<Entity> entities) {
        String words = body.substring(start, end).strip().replaceAll("[.,]+$", "");
        if (isPronoun(words)) {
            String lower = words.toLowerCase(Locale.ROOT);
            EntityType wanted = lower.equals("it") ? EntityType.ORGANIZATION : EntityType.PERSON;
            if (lower.equals("they")) {
                return Speaker.NONE;
            }
            return latestBefore(start, openMark, afterCloseMark, wanted, entities);
        }
        Entity best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Entity e : entities) {
            for (Mention mention : e.mentions()) {
                if (mention.start() < end && mention.end() > start) {
                    int distance = end - mention.end() + (speaking(e.type()) ? 0 : 10_000);
                    if (distance < bestDistance) {
                        best = e;
                        bestDistance = distance;
                    }
                }
            }
        }
        if (best != null && speaking(best.type())) {
            return new Speaker(best.id(), best.name());
        }
        Entity byName = byLastWord(words, start, entities);
        if (byName != null) {
            return new Speaker(byName.id(), byName.name());
        }
        if (best != null) {
            return new Speaker(best.id(), best.name());
        }
        boolean named = Character.isUpperCase(words.charAt(0)) && !words.startsWith("The ");
        return named ? new Speaker(null, words) : Speaker.NONE;
    }

    private static boolean speaking(EntityType type) {
        return type == EntityType.PERSON || type == EntityType.ORGANIZATION;
    }

    /** "Blinken" finds "Antony Blinken"; "the embassy" finds "Indonesian Embassy"; the nearest before wins. */
    private static Entity byLastWord(String words, int at, List<Entity> entities) {
        String[] parts = words.split("\\s+");
        String last = parts[parts.length - 1].replaceAll("[’']s$", "").toLowerCase(Locale.ROOT);
        Entity best = null;
        int bestStart = Integer.MIN_VALUE;
        for (Entity e : entities) {
            if (!speaking(e.type())) {
                continue;
            }
            String[] nameParts = e.name().toLowerCase(Locale.ROOT).split("[\\s-]+");
            if (!nameParts[nameParts.length - 1].equals(last)) {
                continue;
            }
            int latest = Integer.MIN_VALUE + 1;
            for (Mention mention : e.mentions()) {
                if (mention.start() < at) {
                    latest = Math.max(latest, mention.start());
                }
            }
            if (latest > bestStart) {
                best = e;
                bestStart = latest;
            }
        }
        return best;
    }

    /** The entity of that type mentioned last before {@code at}, outside the quote itself. */
    private static Speaker latestBefore(int at, int openMark, int afterCloseMark, EntityType type, List<Entity> entities) {
        Entity best = null;
        int bestStart = -1;
        for (Entity e : entities) {
            if (e.type() != type) {
                continue;
            }
            for (Mention mention : e.mentions()) {
                boolean insideQuote = mention.start() >= openMark && mention.start() < afterCloseMark;
                if (mention.start() < at && !insideQuote && mention.start() > bestStart) {
                    best = e;
                    bestStart = mention.start();
                }
            }
        }
        return best == null ? Speaker.NONE : new Speaker(best.id(), best.name());
    }
}
