package dev.newspipe.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KnownDomainTest {

    @Test
    void theFileAndTheNoteOfAnEntryGiveItsField() {
        assertEquals(KnownDomain.SPORT, KnownDomain.of("/kb/sports-teams.tsv", "NHL team"));
        assertEquals(KnownDomain.SPORT, KnownDomain.of("/kb/people.tsv", "tennis player"));
        assertEquals(KnownDomain.POLITICS, KnownDomain.of("/kb/people.tsv", "British prime minister 1979-1990"));
        assertEquals(KnownDomain.POLITICS, KnownDomain.of("/kb/organizations.tsv", "UK party"));
        assertEquals(KnownDomain.CONFLICT, KnownDomain.of("/kb/organizations.tsv", "armed group"));
        assertNull(KnownDomain.of("/kb/people.tsv", "World Bank president 1995-2005"), "a bank's president is no politician");
        assertNull(KnownDomain.of("/kb/people.tsv", "business"));
        assertEquals(KnownDomain.BUSINESS, KnownDomain.of("/kb/organizations.tsv", "company"));
        assertEquals(KnownDomain.BUSINESS, KnownDomain.of("/kb/organizations.tsv", "central bank"));
        assertNull(KnownDomain.of("/kb/organizations.tsv", "airline"), "an airline is named in crash stories too");
        assertNull(KnownDomain.of("/kb/people.tsv", "company"), "only an organisation entry is a company");
        assertNull(KnownDomain.of("/kb/places.tsv", "city US"));
    }
}
