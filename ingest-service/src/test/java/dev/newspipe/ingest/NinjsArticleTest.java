package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import dev.newspipe.testsupport.SharedData;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newspipe.events.ArticleSubmitted;

class NinjsArticleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // --- fixtures of our own, one per ninjs generation ---

    static final String NINJS_3 = """
            {
              "uri": "https://news.example.net/2024/harbour-bridge-reopens",
              "standard": {"name": "ninjs", "version": "3.1"},
              "type": "text",
              "firstCreated": "2024-03-02T06:15:00Z",
              "versionCreated": "2024-03-02T08:40:00+01:00",
              "copyrightHolder": "Example Wire",
              "language": "en-GB",
              "by": "By Someone Else",
              "people": [
                {"name": "Mira Okafor", "rel": "author"},
                {"name": "Town Mayor", "rel": "about"},
                {"name": "Lars Brekke", "rel": "http://cv.example.org/roles/creator"}
              ],
              "headlines": [
                {"role": "sub", "value": "Repairs took eleven weeks"},
                {"role": "main", "value": "Harbour bridge reopens to cyclists"}
              ],
              "bodies": [
                {"role": "xhtml", "contentType": "text/html", "value": "<p>The bridge is open again.</p>"},
                {"role": "text", "contentType": "text/plain; charset=utf-8", "value": "The bridge is open again."}
              ]
            }""";

    /** ninjs 2.x: the same arrays as 3.x, in lowercase, with unlabeled headlines. */
    static final String NINJS_2 = """
            {
              "uri": "urn:newsml:example.net:20220517:lake-ice",
              "type": "text",
              "versioncreated": "2022-05-17T12:00:00+02:00",
              "language": "nb-NO",
              "by": "Av Kari Fjellheim",
              "headlines": [{"value": "  "}, {"value": "Late ice on the mountain lakes"}],
              "bodies": [
                {"role": "ttnitf", "contenttype": "application/xml", "value": "<X>not for us</X>"},
                {"role": "richhtml", "contenttype": "text/html", "value": "<p>Anglers must wait.</p>"}
              ]
            }""";

    /** ninjs 1.x: flat headline, body_text and body_html, lowercase dates, byline. */
    static final String NINJS_1 = """
            {
              "uri": "http://www.Example.org/items/77",
              "guid": "tag:example.org,2016:77",
              "type": "text",
              "versioncreated": "2016-09-01T10:00:00Z",
              "headline": "Village library opens on Sundays",
              "byline": "Von Jana Beispiel",
              "body_html": "<p>Open on Sundays from now on.</p>",
              "body_text": "Open on Sundays from now on."
            }""";

    @Test
    void detectsNinjsOfEveryVersionButNotOurOwnArticleJson() {
        assertTrue(NinjsArticle.looksLikeNinjs(json(NINJS_3)));
        assertTrue(NinjsArticle.looksLikeNinjs(json(NINJS_2)));
        assertTrue(NinjsArticle.looksLikeNinjs(json(NINJS_1)));
        assertTrue(NinjsArticle.looksLikeNinjs(json("""
                {"uri": "urn:x:1", "title": "An event", "descriptions": [{"value": "What happens"}]}""")));
        assertTrue(NinjsArticle.looksLikeNinjs(json("""
                {"uri": "urn:x:2", "headline": "Only a headline"}""")));

        assertFalse(NinjsArticle.looksLikeNinjs(json("""
                {"url": "https://example.org/a", "headline": "Our own shape", "body": "Text of our own shape.",
                 "source": "example", "publishedAt": "2024-01-01T00:00:00Z", "language": "en",
                 "authors": ["A. Writer"], "externalId": "x1"}""")));
        assertFalse(NinjsArticle.looksLikeNinjs(json("""
                {"uri": "https://example.org/a", "headline": "Own shape with a stray uri", "body": "Text."}""")));
        assertFalse(NinjsArticle.looksLikeNinjs(json("[{\"uri\": \"urn:x:3\"}]")));
        assertFalse(NinjsArticle.looksLikeNinjs(json("\"uri\"")));
        assertFalse(NinjsArticle.looksLikeNinjs(null));
    }

    @Test
    void mapsNinjs3PreferringMainHeadlinePlainBodyAndNamedAuthors() {
        ArticleSubmitted a = NinjsArticle.toArticle(json(NINJS_3));
        assertEquals("Harbour bridge reopens to cyclists", a.headline());
        assertEquals("The bridge is open again.", a.body());
        assertEquals("https://news.example.net/2024/harbour-bridge-reopens", a.url());
        assertEquals("https://news.example.net/2024/harbour-bridge-reopens", a.externalId());
        assertEquals("2024-03-02T06:15:00Z", a.publishedAt());
        assertEquals("Example Wire", a.source());
        assertEquals("en-GB", a.language());
        assertEquals(List.of("Mira Okafor", "Lars Brekke"), a.authors());
    }

    @Test
    void mapsNinjs2WithUrnHtmlBodyAndByline() {
        ArticleSubmitted a = NinjsArticle.toArticle(json(NINJS_2));
        assertEquals("Late ice on the mountain lakes", a.headline());
        assertEquals("<p>Anglers must wait.</p>", a.body());
        assertNull(a.url());
        assertNull(a.source());
        assertEquals("urn:newsml:example.net:20220517:lake-ice", a.externalId());
        assertEquals("2022-05-17T12:00:00+02:00", a.publishedAt());
        assertEquals("nb-NO", a.language());
        assertEquals(List.of("Kari Fjellheim"), a.authors());
    }

    @Test
    void mapsNinjs1FlatFields() {
        ArticleSubmitted a = NinjsArticle.toArticle(json(NINJS_1));
        assertEquals("Village library opens on Sundays", a.headline());
        assertEquals("Open on Sundays from now on.", a.body());
        assertEquals("http://www.Example.org/items/77", a.url());
        assertEquals("example.org", a.source());
        assertEquals("http://www.Example.org/items/77", a.externalId());
        assertEquals("2016-09-01T10:00:00Z", a.publishedAt());
        assertNull(a.language());
        assertEquals(List.of("Jana Beispiel"), a.authors());

        ArticleSubmitted htmlOnly = NinjsArticle.toArticle(json("""
                {"guid": "tag:example.org,2015:9", "headline": "Ferry timetable changes",
                 "body_html": "<p>Two extra sailings.</p>", "byline": "By"}"""));
        assertEquals("<p>Two extra sailings.</p>", htmlOnly.body());
        assertEquals("tag:example.org,2015:9", htmlOnly.externalId());
        assertNull(htmlOnly.authors());
    }

    @Test
    void fallsBackToTitleAndDescriptionAndReadsNitfBodyContent() {
        ArticleSubmitted event = NinjsArticle.toArticle(json("""
                {"uri": "urn:x:event", "title": "Chess final in the town hall",
                 "descriptions": [{"role": "caption", "value": "not this"},
                                  {"role": "lead", "value": "Two local players meet in the final."}]}"""));
        assertEquals("Chess final in the town hall", event.headline());
        assertEquals("Two local players meet in the final.", event.body());

        ArticleSubmitted nitf = NinjsArticle.toArticle(json("""
                {"uri": "urn:x:nitf", "headlines": [{"value": "Night trains return"}],
                 "bodies": [{"role": "nitf", "contentType": "text/vnd.IPTC.NITF",
                             "value": "<nitf><head><title>Night trains return</title></head><body><body.head><hedline><hl1>Night trains return</hl1></hedline></body.head><body.content id=\\"c\\"><p>Sleeper cars are back.</p></body.content></body></nitf>"}]}"""));
        assertEquals("<p>Sleeper cars are back.</p>", nitf.body());

        ArticleSubmitted htmlOverNitf = NinjsArticle.toArticle(json("""
                {"uri": "urn:x:both", "headlines": [{"value": "Night trains return"}],
                 "bodies": [{"contentType": "text/vnd.IPTC.NITF", "value": "<nitf><body.content>n</body.content></nitf>"},
                            {"contentType": "application/xhtml+xml", "value": "<p>h</p>"}]}"""));
        assertEquals("<p>h</p>", htmlOverNitf.body());
    }

    @Test
    void rejectsNinjsWithoutHeadlineOrBodyNamingTheField() {
        InvalidArticleException noHeadline = assertThrows(InvalidArticleException.class, () -> NinjsArticle.toArticle(
                json("""
                        {"uri": "urn:x:5", "headlines": [{"role": "main", "value": " "}],
                         "bodies": [{"value": "A body without a headline."}]}""")));
        assertEquals("headline", noHeadline.field());

        InvalidArticleException noBody = assertThrows(InvalidArticleException.class, () -> NinjsArticle.toArticle(
                json("""
                        {"uri": "urn:x:6", "headline": "Headline only",
                         "bodies": [{"contentType": "image/jpeg", "value": "abc"}]}""")));
        assertEquals("body", noBody.field());
    }

    // --- the agencies' real samples in ../shared (read at run time, never copied here) ---

    /** The agencies' samples in ../shared, found by {@link SharedData}; null when absent. */
    static Path samplesDirectory() {
        return SharedData.find("samples/ninjs").orElse(null);
    }

    static JsonNode sample(String fileName) throws IOException {
        Path dir = samplesDirectory();
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve(fileName)), "no ninjs sample " + fileName);
        return JSON.readTree(dir.resolve(fileName).toFile());
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsNinjsWithHeadlineAndBody() throws IOException {
        Path dir = samplesDirectory();
        assumeTrue(dir != null, "no shared/samples/ninjs folder (set NEWS_SHARED_DIR)");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode item = JSON.readTree(file.toFile());
            assertTrue(NinjsArticle.looksLikeNinjs(item));
            ArticleSubmitted a = NinjsArticle.toArticle(item);
            assertFalse(a.headline().isBlank());
            assertFalse(a.body().isBlank());
            assertEquals(item.path("uri").asText(), a.externalId());
            assertNotNull(a.source());
        }));
    }

    @Test
    void apSampleKeepsItsFields() throws IOException {
        JsonNode item = sample("ninjsExSimpleText_3.json");
        ArticleSubmitted a = NinjsArticle.toArticle(item);
        assertEquals("Captain of wrecked cruise ship on trial in Italy", a.headline());
        assertEquals("2013-07-09T10:37:00Z", a.publishedAt());
        assertEquals("http://ninjs.example.com/newsitems/20130709simp123", a.url());
        assertEquals("ninjs.example.com", a.source());
        assertEquals(List.of(item.path("by").asText()), a.authors());
        assertEquals(item.path("bodies").get(0).path("value").asText(), a.body(), "the text/plain body wins");
    }

    @Test
    void ntbSampleWithoutBodyUsesItsDescription() throws IOException {
        JsonNode item = sample("ntb_text.json");
        ArticleSubmitted a = NinjsArticle.toArticle(item);
        assertEquals("nb-NO", a.language());
        assertEquals("NTB", a.source());
        assertNull(a.url());
        assertEquals(item.path("firstCreated").asText(), a.publishedAt());
        assertEquals(item.path("descriptions").get(0).path("value").asText(), a.body());
    }

    @Test
    void dpaSampleDropsVonFromTheAuthorAndKeepsHtml() throws IOException {
        JsonNode item = sample("dpa_text.json");
        ArticleSubmitted a = NinjsArticle.toArticle(item);
        String by = item.path("by").asText();
        assertTrue(by.startsWith("Von "));
        assertEquals(List.of(by.substring("Von ".length())), a.authors());
        assertEquals("dpa", a.source());
        assertEquals("de", a.language());
        assertTrue(a.body().startsWith("<"), "HTML body is passed on as HTML");
    }

    @Test
    void uefaEventSampleUsesTitleAndDescription() throws IOException {
        JsonNode item = sample("20231004-UEFA-ChampionLeague.json");
        ArticleSubmitted a = NinjsArticle.toArticle(item);
        assertEquals(item.path("title").asText(), a.headline());
        assertEquals(item.path("descriptions").get(0).path("value").asText(), a.body());
        assertEquals("uefa.com", a.source());
        assertNull(a.publishedAt(), "an event's start is not a publication date");
    }

    @Test
    void ttSampleUsesThePlainBodyAndNoContactPersonAsAuthor() throws IOException {
        JsonNode item = sample("tt_text_image_3.json");
        ArticleSubmitted a = NinjsArticle.toArticle(item);
        assertEquals(item.path("bodies").get(0).path("value").asText(), a.body());
        assertEquals("TT", a.source());
        assertEquals("sv", a.language());
        assertNull(a.authors());
    }
}
