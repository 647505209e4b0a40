package dev.newspipe.enrich.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.newspipe.enrich.text.SeedArticles.Seed;

class SummariesTest {

    final Summaries summaries = new Summaries();

    static List<String> sentences(String text) {
        return Summaries.roughSentences(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void roughSentencesSplitAtMarksAndLinesButNotAtAbbreviations() {
        String text = "Mr. Smith met U.S. officials on Jan. 5. \"It went well,\" he said! Did it?\nUpdated 2 hours ago\n"
                + "J. R. Doe spoke next.";
        assertEquals(List.of("Mr. Smith met U.S. officials on Jan. 5.", "\"It went well,\" he said!", "Did it?",
                "Updated 2 hours ago", "J. R. Doe spoke next."), sentences(text));
        assertEquals(List.of(), Summaries.roughSentences("   \n "));
    }

    @Test
    void leadSkipsDebrisAndDatelinesAndKeepsWholeSentences() {
        String body = "Short Url\nUpdated 27 October 2022\nFollow\nHarbour to be rebuilt\n"
                + "The mayor at the harbour in Ottawa, Ontario. (AP)\n"
                + "OTTAWA: The city will rebuild the harbour before the winter storms, the mayor said on Monday. "
                + "Work starts next week and will take two years. The budget is 40 million dollars.\n"
                + "Read more: Other story about something else entirely.";
        String lead = summaries.lead(body, Summaries.roughSentences(body), 160);
        assertEquals("The city will rebuild the harbour before the winter storms, the mayor said on Monday. "
                + "Work starts next week and will take two years.", lead);
        assertTrue(lead.length() <= 160);
        String one = summaries.lead(body, Summaries.roughSentences(body), 60);
        assertTrue(one.endsWith("\u2026") && one.length() <= 60, one);
        assertEquals("", summaries.lead("", List.of(), 100));
        assertEquals("", summaries.lead("Follow\nShort Url", Summaries.roughSentences("Follow\nShort Url"), 100));
    }

    @Test
    void seedPageWithCaptionAndRepeatedHeadline() {
        Optional<Seed> seed = SeedArticles.load("004");
        assumeTrue(seed.isPresent(), "shared/samples/seeds not found");
        String body = seed.get().body();
        String lead = summaries.lead(body, Summaries.roughSentences(body), 400);
        assertTrue(lead.startsWith("Russia\u2019s use of Iranian drones in Ukraine is \u201Cappalling,\u201D"), lead);
        assertFalse(lead.contains("OTTAWA"), lead);
        assertFalse(lead.contains("Short Url") || lead.contains("Follow") || lead.contains("(AP)"), lead);
    }
}
