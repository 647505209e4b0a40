package dev.newspipe.enrich.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.newspipe.enrich.text.SeedArticles.Seed;
import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.events.ArticleEnriched.Quote;

class QuotesTest {

    final Quotes quotes = new Quotes();

    /** An entity with a mention at every occurrence of each surface form in the body. */
    static Entity entity(String id, EntityType type, String name, String body, String... surfaces) {
        List<Mention> mentions = new ArrayList<>();
        for (String surface : surfaces) {
            for (int at = body.indexOf(surface); at >= 0; at = body.indexOf(surface, at + 1)) {
                mentions.add(new Mention(surface, at, at + surface.length()));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new Entity(id, type, name, mentions, mentions.size(), 0.5);
    }

    static Quote quoteStartingWith(List<Quote> found, String prefix) {
        return found.stream().filter(q -> q.text().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting with " + prefix + " in " + found));
    }

    @Test
    void seed000QuotesAndTheirSpeakers() {
        Optional<Seed> seed = SeedArticles.load("000");
        assumeTrue(seed.isPresent(), "shared/samples/seeds not found");
        String body = seed.get().body();
        List<Entity> entities = List.of(
                entity("Q1", EntityType.PERSON, "Vedant Patel", body, "Vedant Patel", "Patel"),
                entity("Q2", EntityType.PERSON, "Antony Blinken", body, "Antony Blinken"),
                entity("Q3", EntityType.PERSON, "Jake Sullivan", body, "Jake Sullivan"),
                entity("Q4", EntityType.ORGANIZATION, "United States Department of State", body, "State Department"),
                entity("Q5", EntityType.PERSON, "Joe Biden", body, "Joe Biden"),
                entity("Q6", EntityType.PERSON, "Hossein Amir-Abdollahian", body, "Hussein Amir-Abdollahian"),
                entity("Q7", EntityType.LOCATION, "Stanford University", body, "Stanford University"),
                entity("Q8", EntityType.LOCATION, "Ukraine", body, "Ukraine"));
        List<Quote> found = quotes.find(body, entities);

        for (Quote q : found) {
            assertEquals(q.text(), body.substring(q.start(), q.end()), "offsets point at the quoted text");
        }
        Quote patel = quoteStartingWith(found, "Anyone doing business with Iran");
        assertEquals("Q1", patel.speakerId());
        assertEquals("Vedant Patel", patel.speakerName());
        assertTrue(patel.text().endsWith("against perpetrators"), patel.text());
        Quote patelAdding = quoteStartingWith(found, "Russia deepening an alliance");
        assertEquals("Q1", patelAdding.speakerId(), "'adding' continues Patel's quote");
        Quote blinken = quoteStartingWith(found, "It is a sign of increased desperation");
        assertEquals("Q2", blinken.speakerId(), "'as he told reporters' is Blinken, the last person named");
        Quote sullivan = quoteStartingWith(found, "We have not seen evidence of delivery");
        assertEquals("Q3", sullivan.speakerId(), "'Sullivan said' links to the entity by surname");
        assertEquals("Jake Sullivan", sullivan.speakerName());
        assertTrue(found.stream().noneMatch(q -> q.text().equals("everything possible") || q.text().equals("forced")),
                "unattributed scare quotes are left out: " + found);
    }

    @Test
    void curlyQuotesPronounsAndAccordingTo() {
        String body = "Blinken met Freeland in Ottawa.\n"
                + "Russia's use of drones is \u201Cappalling,\u201D US Secretary of State Antony Blinken said Thursday.\n"
                + "\u201CWe will keep working with our allies. We will expose it,\u201D he vowed.\n"
                + "The \u201Clargest wave of arrivals\u201D occurred on Monday at the Indonesian Embassy, it said.\n"
                + "\u201CThey do not possess passports,\u201D according to the embassy.\n"
                + "Officials called the plan \u201Cunworkable\u201D and left.";
        List<Entity> entities = List.of(
                entity("p:blinken", EntityType.PERSON, "Antony Blinken", body, "Antony Blinken", "Blinken"),
                entity("p:freeland", EntityType.PERSON, "Chrystia Freeland", body, "Freeland"),
                entity("o:embassy", EntityType.ORGANIZATION, "Indonesian Embassy", body, "Indonesian Embassy"));
        List<Quote> found = quotes.find(body, entities);
        assertEquals(4, found.size(), found.toString());
        assertEquals("appalling", found.get(0).text(), "a one-word quote stays when attributed");
        assertEquals("p:blinken", found.get(0).speakerId());
        assertEquals("We will keep working with our allies. We will expose it", found.get(1).text());
        assertEquals("p:blinken", found.get(1).speakerId(), "he: the last person named before");
        assertEquals("o:embassy", found.get(2).speakerId(), "it: the last organisation named before");
        assertEquals("o:embassy", found.get(3).speakerId(), "according to the embassy");
    }

    @Test
    void speakerWithoutEntityAndUnattributedQuotes() {
        String body = "\"The harbour will be rebuilt before the winter,\" said Mayor Jane Doe.\n"
                + "Critics asked whether \"the money will ever arrive at all\" in time.\n"
                + "He called it \"nonsense\" and an \"unworkable idea\".";
        List<Quote> found = quotes.find(body, List.of());
        assertEquals(2, found.size(), found.toString());
        assertNull(found.get(0).speakerId());
        assertEquals("Mayor Jane Doe", found.get(0).speakerName());
        assertEquals("the money will ever arrive at all", found.get(1).text());
        assertNull(found.get(1).speakerName());
        assertEquals(List.of(), quotes.find("", List.of()));
        assertEquals(List.of(), quotes.find("An \"unclosed quote that never ends.\nNext line.", List.of()));
    }
}
