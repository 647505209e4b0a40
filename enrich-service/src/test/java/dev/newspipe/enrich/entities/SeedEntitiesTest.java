package dev.newspipe.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newspipe.events.ArticleEnriched.Entity;
import dev.newspipe.events.ArticleEnriched.EntityType;
import dev.newspipe.events.ArticleEnriched.Mention;
import dev.newspipe.testsupport.SharedData;

/** The seed checks on the three real pages in shared/samples/seeds (skipped where they are absent). */
class SeedEntitiesTest {

    private static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = new EntityRecognizer();
    }

    private record Page(String headline, String body, List<Entity> entities) {
    }

    private static Page page(String file) throws IOException {
        Optional<Path> path = SharedData.find("samples/seeds/" + file);
        Assumptions.assumeTrue(path.isPresent(), "shared seed " + file + " not available");
        String text = Files.readString(path.get());
        int newline = text.indexOf('\n');
        String headline = text.substring(0, newline).strip();
        String body = text.substring(newline + 1);
        return new Page(headline, body, recognizer.recognize(headline, body, "en"));
    }

    private static Entity named(Page page, String name) {
        for (Entity e : page.entities()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new AssertionError(name + " not found; got " + page.entities().stream()
                .map(e -> e.name() + "/" + e.type()).collect(Collectors.joining(", ")));
    }

    private static void assertType(Page page, String name, EntityType type) {
        assertEquals(type, named(page, name).type(), name);
    }

    private static void assertLocationWithQid(Page page, String name, String qid) {
        Entity e = named(page, name);
        assertEquals(EntityType.LOCATION, e.type(), name);
        assertEquals(qid, e.id(), name);
    }

    private static void assertMentionsPointIntoBody(Page page) {
        for (Entity e : page.entities()) {
            assertTrue(e.salience() >= 0 && e.salience() <= 1, e.name() + " salience " + e.salience());
            assertEquals(e.mentions().size(), e.count(), e.name());
            for (Mention m : e.mentions()) {
                assertEquals(m.text(), page.body().substring(m.start(), m.end()), e.name());
            }
        }
        List<Double> saliences = new ArrayList<>();
        page.entities().forEach(e -> saliences.add(e.salience()));
        for (int i = 1; i < saliences.size(); i++) {
            assertTrue(saliences.get(i - 1) >= saliences.get(i), "sorted by salience");
        }
    }

    @Test
    void kievStoryLinksSpellingsTitlesAndSurnames() throws IOException {
        Page page = page("000_2cd4446a17d5b787.txt");
        assertType(page, "Antony Blinken", EntityType.PERSON);
        assertType(page, "Vedant Patel", EntityType.PERSON);
        assertType(page, "Jake Sullivan", EntityType.PERSON);
        assertType(page, "Hossein Amir-Abdollahian", EntityType.PERSON);
        assertLocationWithQid(page, "Iran", "Q794");
        assertLocationWithQid(page, "Russia", "Q159");
        assertLocationWithQid(page, "Ukraine", "Q212");
        assertLocationWithQid(page, "Tehran", "Q3616");
        // "Kiev" is a spelling of Kyiv.
        Entity kyiv = named(page, "Kyiv");
        assertEquals("Q1899", kyiv.id());
        assertTrue(kyiv.mentions().stream().allMatch(m -> m.text().equals("Kiev")));
        assertType(page, "United Nations Security Council", EntityType.ORGANIZATION);
        assertType(page, "United States Department of State", EntityType.ORGANIZATION);
        assertType(page, "White House", EntityType.ORGANIZATION);
        // Titles are not part of names; a later bare surname links to the full name.
        Entity patel = named(page, "Vedant Patel");
        assertTrue(patel.mentions().stream().anyMatch(m -> m.text().equals("Patel")), "Patel links to Vedant Patel");
        assertTrue(named(page, "Jake Sullivan").mentions().stream().anyMatch(m -> m.text().equals("Sullivan")));
        // Demonyms count as mentions of the country; "US" and "Iranian" are not entities of their own.
        assertTrue(named(page, "Iran").mentions().stream().anyMatch(m -> m.text().equals("Iranian")));
        assertTrue(page.entities().stream().noneMatch(e -> e.name().startsWith("Secretary") || e.name().startsWith("Spokesperson")));
        assertTrue(named(page, "Iran").salience() > named(page, "Jake Sullivan").salience());
        assertMentionsPointIntoBody(page);
    }

    @Test
    void secondStorySpellsHusseinAsHosseinAndNamesZelensky() throws IOException {
        Page page = page("001_27e5698ddb6edb56.txt");
        assertType(page, "Volodymyr Zelensky", EntityType.PERSON);
        assertType(page, "Antony Blinken", EntityType.PERSON);
        assertLocationWithQid(page, "Iran", "Q794");
        assertType(page, "White House", EntityType.ORGANIZATION);
        Entity us = named(page, "United States");
        assertTrue(us.mentions().stream().anyMatch(m -> m.text().equals("US")));
        assertTrue(us.mentions().stream().anyMatch(m -> m.text().equals("United States")));
        assertMentionsPointIntoBody(page);
    }

    @Test
    void pageWithTwoStoriesIncludingCambodia() throws IOException {
        Page page = page("004_b1ea71941a29e430.txt");
        assertType(page, "Antony Blinken", EntityType.PERSON);
        Entity minister = named(page, "Hossein Amir-Abdollahian");
        assertEquals(EntityType.PERSON, minister.type());
        assertLocationWithQid(page, "Kyiv", "Q1899");
        assertLocationWithQid(page, "Tehran", "Q3616");
        assertLocationWithQid(page, "Cambodia", "Q424");
        assertLocationWithQid(page, "Indonesia", "Q252");
        assertLocationWithQid(page, "Phnom Penh", "Q1850");
        assertTrue(named(page, "Indonesia").mentions().stream().anyMatch(m -> m.text().equals("Indonesians")));
        // The headline names Blinken only by surname: he is the most salient person.
        Entity blinken = named(page, "Antony Blinken");
        assertTrue(blinken.mentions().stream().anyMatch(m -> m.text().equals("Blinken")));
        assertNotNull(blinken.id());
        assertMentionsPointIntoBody(page);
    }

    @Test
    void sameEntityGetsTheSameIdAcrossStories() throws IOException {
        Page a = page("000_2cd4446a17d5b787.txt");
        Page b = page("004_b1ea71941a29e430.txt");
        assertEquals(named(a, "Hossein Amir-Abdollahian").id(), named(b, "Hossein Amir-Abdollahian").id());
        assertEquals(named(a, "Antony Blinken").id(), named(b, "Antony Blinken").id());
        assertEquals(named(a, "Kyiv").id(), named(b, "Kyiv").id());
    }
}
