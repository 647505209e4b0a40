package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.newspipe.events.ArticleSubmitted;

class ScrapedPageTest {

    static ArticleSubmitted single(String page) {
        List<ArticleSubmitted> articles = ScrapedPage.parse(page);
        assertEquals(1, articles.size(), () -> "articles: " + articles);
        return articles.get(0);
    }

    static List<String> paragraphs(ArticleSubmitted article) {
        return Arrays.asList(article.body().split("\n\n"));
    }

    // --- own fixtures, one per rule ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  \n\t\n \u00A0 \n" })
    void blankInputGivesNoArticles(String page) {
        assertEquals(List.of(), ScrapedPage.parse(page));
    }

    @Test
    void singleStoryWithoutDebrisComesThroughUnchangedApartFromParagraphs() {
        ArticleSubmitted article = single("\n  Town library extends opening hours \r\n\r\nThe library will open until "
                + "nine on weekdays.\nStaff said readers had asked for it.\n\n\n  A trial runs until June.  \n");
        assertEquals("Town library extends opening hours", article.headline());
        assertEquals("The library will open until nine on weekdays.\n\nStaff said readers had asked for it."
                + "\n\nA trial runs until June.", article.body());
        assertNull(article.publishedAt());
        assertNull(article.url());
        assertNull(article.source());
    }

    @Test
    void readMoreLinksAndTrailingLinkFooterAreDropped() {
        ArticleSubmitted article = single("""
                Town library extends opening hours
                The library will open until nine on weekdays.
                Read more: Council approves new budget
                Staff said the change followed a survey of readers.
                Related
                Council approves new budget
                Park renovation starts in spring
                """);
        assertEquals(List.of("The library will open until nine on weekdays.",
                "Staff said the change followed a survey of readers."), paragraphs(article));
    }

    @Test
    void footerHeadingFollowedByRealSentencesKeepsThem() {
        ArticleSubmitted article = single("""
                Town library extends opening hours
                The library will open until nine on weekdays.
                Similar News
                Staff said the change followed a survey of readers.
                """);
        assertEquals(List.of("The library will open until nine on weekdays.",
                "Staff said the change followed a survey of readers."), paragraphs(article));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Update: 2023-08-17 05:09 GMT            | 2023-08-17T05:09:00Z",
            "Updated 27 October 2022                 | 2022-10-27T00:00:00Z",
            "Published March 3, 2021 4:15 pm         | 2021-03-03T16:15:00Z",
            "Last updated: Monday 5 June 2023, 08:00 | 2023-06-05T08:00:00Z",
            "Updated 2024-02-10 23:30 GMT+2          | 2024-02-10T21:30:00Z",
            "Updated 12 Dec 2024 10:00 EST           | 2024-12-12T00:00:00Z",
            "Updated 37 min 52 sec ago               |",
            "Posted 2 hours ago                      |" })
    void datelineIsStrippedAndGivesThePublicationDate(String dateline, String publishedAt) {
        ArticleSubmitted article = single("Ferry service resumes\n" + dateline + "\nThe first boat left at seven.");
        assertEquals("The first boat left at seven.", article.body());
        assertEquals(publishedAt, article.publishedAt());
    }

    @Test
    void proseThatStartsLikeADatelineIsKept() {
        String body = "Updated figures from 2023 show a rise in exports.\n\nPublished in 1998, the novel sold well.";
        assertEquals(body, single("Exports rise\n" + body).body());
    }

    @Test
    void headerLinesBeforeTheHeadlineAreSkipped() {
        ArticleSubmitted article = single("Short Url\nUpdated 1 May 2024\nFerry service resumes\nThe first boat left.");
        assertEquals("Ferry service resumes", article.headline());
        assertEquals("The first boat left.", article.body());
        assertEquals("2024-05-01T00:00:00Z", article.publishedAt());
    }

    @Test
    void headlineRepeatedInTheBodyIsDropped() {
        ArticleSubmitted article = single("""
                Mayor calls harbour plan \u2018bold\u2019
                Mayor calls harbour plan 'bold'
                The mayor praised the plan on Friday.
                """);
        assertEquals("The mayor praised the plan on Friday.", article.body());
    }

    @ParameterizedTest
    @ValueSource(strings = { "The mayor speaks at the opening on Friday. (AP)",
            "Crowds gather outside the stadium (AFP via Getty Images)", "Workers inspect the pier (Reuters/File)",
            "A view of the valley (Photo: Jane Roe)", "Fans at the final (Getty Images)",
            "Photo: The old town hall", "File photo of the central bank building" })
    void photoCaptionsAreDropped(String caption) {
        assertEquals("The hall reopened on Monday.", single("Town hall reopens\n" + caption
                + "\nThe hall reopened on Monday.").body());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Officials told Reuters the talks would resume on Friday.",
            "The agency (AFP) said the vote was close.", "The figures (AP) were later corrected.",
            "A photo of the mayor was shared widely." })
    void sentencesMentioningAgenciesOrPhotosAreKept(String sentence) {
        assertEquals(sentence, single("Talks to resume\n" + sentence).body());
    }

    @Test
    void summaryBulletsThatRepeatTheBodyAreDroppedOthersKept() {
        ArticleSubmitted article = single("""
                Rail strike ends after talks
                  \u2022 Drivers accept a new pay offer
                  - Services will return to normal by Monday
                  * The union thanked commuters for their patience during the dispute
                  \u2022 Some trains may still run late
                Drivers on Tuesday accepted a new pay offer, ending the strike.
                The operator said services will return to normal by Monday.
                The union thanked commuters for patience during the long dispute.
                """);
        assertEquals(List.of("\u2022 Some trains may still run late",
                "Drivers on Tuesday accepted a new pay offer, ending the strike.",
                "The operator said services will return to normal by Monday.",
                "The union thanked commuters for patience during the long dispute."), paragraphs(article));
    }

    @Test
    void pageWithTwoStoriesGivesTwoArticles() {
        List<ArticleSubmitted> articles = ScrapedPage.parse("""
                Harbour bridge reopens after repairs

                The bridge seen from the east bank on Monday. (AFP)
                Short Url
                Updated 3 May 2024
                Follow

                Harbour bridge reopens after repairs

                  \u2022 Traffic returned within the hour

                The harbour bridge reopened on Monday after two months of repairs.
                Traffic returned within the hour, officials said.


                Library adds Sunday opening

                Updated 12 min 5 sec ago
                Follow

                Library adds Sunday opening
                The central library will open on Sundays from June.
                Similar News
                Museum wins design award
                """);
        assertEquals(2, articles.size(), () -> "articles: " + articles);
        ArticleSubmitted bridge = articles.get(0);
        assertEquals("Harbour bridge reopens after repairs", bridge.headline());
        assertEquals("The harbour bridge reopened on Monday after two months of repairs.\n\n"
                + "Traffic returned within the hour, officials said.", bridge.body());
        assertEquals("2024-05-03T00:00:00Z", bridge.publishedAt());
        ArticleSubmitted library = articles.get(1);
        assertEquals("Library adds Sunday opening", library.headline());
        assertEquals("The central library will open on Sundays from June.", library.body());
        assertNull(library.publishedAt());
    }

    @Test
    void aDatelineAfterAParagraphDoesNotStartANewStory() {
        ArticleSubmitted article = single("""
                Exports rise again
                Exports rose for a third month.
                Economists had expected a fall
                Updated 4 June 2024
                Shipping costs also eased.
                """);
        assertEquals(List.of("Exports rose for a third month.", "Economists had expected a fall",
                "Shipping costs also eased."), paragraphs(article));
        assertEquals("2024-06-04T00:00:00Z", article.publishedAt());
    }

    // --- the real seed pages, where the shared folder is present ---

    /** The real seed pages in ../shared, found by {@link SharedData}; null when absent. */
    static Path seedDirectory() {
        return SharedData.find("samples/seeds").orElse(null);
    }

    static String seed(String prefix) throws IOException {
        Path dir = seedDirectory();
        assumeTrue(dir != null && Files.isDirectory(dir), "no shared/samples/seeds folder; set NEWS_SHARED_DIR");
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            assumeTrue(file != null, "no seed " + prefix + "* in " + dir);
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }

    static void assertIngestible(ArticleSubmitted article) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        new ArticleIngestor(20, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC)).ingest(article, "test");
    }

    @Test
    void seed000DropsReadMoreLinks() throws IOException {
        String page = seed("000_");
        ArticleSubmitted article = single(page);
        assertEquals("US threatens action against alleged Iranian drones Russia used in Kiev", article.headline());
        assertNull(article.publishedAt());
        assertFalse(article.body().contains("Read more"));
        // every other line of the page is a real paragraph and stays
        long expected = page.lines().filter(l -> !l.isBlank() && !l.startsWith("Read more:")).count() - 1;
        assertEquals(expected, paragraphs(article).size());
        assertIngestible(article);
    }

    @Test
    void seed001TakesTheDatelineAndDropsTheFooter() throws IOException {
        ArticleSubmitted article = single(seed("001_"));
        assertEquals("US Ramps Up Pressure on Iran to Halt Sale of Deadly Drones to Russia Amidst Conflict in Ukraine",
                article.headline());
        assertEquals("2023-08-17T05:09:00Z", article.publishedAt());
        assertFalse(article.body().contains("Similar News"));
        assertFalse(article.body().contains("Update:"));
        assertEquals(7, paragraphs(article).size());
        assertIngestible(article);
    }

    @Test
    void seed004SplitsIntoTwoCleanStories() throws IOException {
        List<ArticleSubmitted> articles = ScrapedPage.parse(seed("004_"));
        assertEquals(2, articles.size(), () -> "articles: " + articles);

        ArticleSubmitted first = articles.get(0);
        assertEquals("Russia's use of Iranian drones in Ukraine 'appalling': Blinken", TextNormalizer.line(first.headline()));
        assertEquals("2022-10-27T00:00:00Z", first.publishedAt());
        assertTrue(first.body().startsWith("OTTAWA:"), first.body());
        assertEquals(9, paragraphs(first).size());

        ArticleSubmitted second = articles.get(1);
        assertEquals("Over 1,400 Indonesians left Cambodian scam groups in five days: embassy", second.headline());
        assertNull(second.publishedAt());
        assertTrue(second.body().startsWith("PHNOM PENH:"), second.body());
        assertEquals(12, paragraphs(second).size());

        for (ArticleSubmitted article : articles) {
            for (String debris : List.of("(AP)", "\u2022", "Short Url", "Follow", "Updated", article.headline())) {
                assertFalse(article.body().contains(debris), () -> debris + " in " + article.body());
            }
            assertIngestible(article);
        }
    }
}
