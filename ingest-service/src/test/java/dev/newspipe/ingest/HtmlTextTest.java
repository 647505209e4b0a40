package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.newspipe.ingest.TextNormalizerEquivalenceTest.Sample;

class HtmlTextTest {

    @Test
    void blockElementsBecomeParagraphsAndNoiseIsDropped() {
        String html = """
                <!DOCTYPE html><html><head><title>Site name</title><style>p { color: red }</style></head>
                <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
                <article><h1>Harbour   bridge
                  reopens</h1>
                <p>The bridge <b>reopened</b> on
                   Tuesday after <a href="/x">repairs</a>.</p>
                <div>Traffic was light.<br>Cyclists returned first.</div>
                <ul><li>Lane one</li><li>Lane two</li></ul>
                <blockquote>It feels good to cross again.</blockquote>
                <figure><img src="b.jpg"><figcaption>The bridge at dawn (Photo: Staff)</figcaption></figure>
                <script>track("view");</script>
                </article><footer>Copyright</footer></body></html>
                """;
        assertEquals("Harbour bridge reopens\n\nThe bridge reopened on Tuesday after repairs.\n\nTraffic was light."
                + "\n\nCyclists returned first.\n\nLane one\n\nLane two\n\nIt feels good to cross again.",
                HtmlText.toText(html));
    }

    @Test
    void inlineTextJoinsWithoutInventedSpaces() {
        assertEquals("un-break-able words", HtmlText.toText("<p>un-<i>break</i>-able <span>words</span></p>"));
        assertEquals("one two", HtmlText.toText("<span>one</span>\n\n   <span>two</span>"));
    }

    @Test
    void entitiesAreDecodedAndNonBreakingSpacesCollapsed() {
        assertEquals("Fish & chips cost \u00A35 \u2014 \u201Ccheap\u201D, it\u2019s said",
                HtmlText.toText("<p>Fish &amp; chips&nbsp;&nbsp;cost &pound;5 &mdash; &ldquo;cheap&rdquo;, it&#8217;s said</p>"));
    }

    @Test
    void tableRowsAreParagraphsAndCellsAreSpaced() {
        assertEquals("Team Points\n\nRed 12", HtmlText.toText(
                "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Red</td><td>12</td></tr></table>"));
    }

    @Test
    void sectionsAndHeadingsSeparateParagraphs() {
        assertEquals("Title\n\nIntro\n\nPart\n\nDetail", HtmlText.toText(
                "<section><h2>Title</h2>Intro<section><h3>Part</h3><p>Detail</p></section></section>"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "<script>only()</script>", "<p> </p><div></div>" })
    void nothingReadableGivesEmptyText(String html) {
        assertEquals("", HtmlText.toText(html));
    }

    @Test
    void plainTextPassesThrough() {
        assertEquals("Just a sentence.", HtmlText.toText("Just a sentence."));
    }

    @ParameterizedTest
    @ValueSource(strings = { "<p>Hi</p>", "text<br>more", "a<br/>b", "a<br />b", "<!DOCTYPE html><title>x</title>",
            "<HTML><BODY>x</BODY></HTML>", "<span style=\"color:red\">x</span>", "<div class='lead'>x</div>",
            "<a href=\"https://example.org\">link</a>",
            "<img src=x alt='A view' data-id=7 />", "<input disabled>" })
    void recognizesRealTags(String text) {
        assertTrue(HtmlText.looksLikeHtml(text), text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "Prices rose 3% while wages < inflation.", "if x<y and y>z", "Press <Enter> to go",
            "The score was <5 > 2 expected", "<3 love", "<a few words, like this>", "Use <=> to compare" })
    void proseWithAngleBracketsIsNotHtml(String text) {
        assertFalse(HtmlText.looksLikeHtml(text), text);
    }

    // --- the loops that replaced regular expressions give what the expressions gave ---

    /** The pattern {@link HtmlText#collapseSpace} replaced (with {@code replaceAll(" ").strip()}): its oracle. */
    static final Pattern SPACE_RUN_REFERENCE = Pattern.compile("[\\s\\h\\u200B\\uFEFF]+");

    static final String[] TAG_PIECES = { "<", ">", "/", "<p>", "</div>", "<br/>", "<br >", "< p>", "<P class=x>",
            "<a href='x'>", "<a href=\"x", "<img src=x alt='A view' data-id=7 />", "<!DOCTYPE html>", "<!doctype  html>",
            "<few words, like this>", "<3", "x<y", "<=>", "text", " ", "\n" };

    static List<Sample> texts(String[] generatedFrom) throws IOException {
        List<Sample> texts = new ArrayList<>(TextNormalizerEquivalenceTest.sharedTexts());
        texts.addAll(TextNormalizerEquivalenceTest.everyBmpCharacter());
        texts.addAll(TextNormalizerEquivalenceTest.generated(generatedFrom, 20_000));
        return texts;
    }

    @Test
    void collapseSpaceGivesWhatTheRegularExpressionGave() throws IOException {
        for (Sample sample : texts(TextNormalizerEquivalenceTest.NASTY)) {
            assertEquals(SPACE_RUN_REFERENCE.matcher(sample.text()).replaceAll(" ").strip(),
                    HtmlText.collapseSpace(sample.text()), () -> sample.origin() + ": "
                            + TextNormalizerEquivalenceTest.escaped(sample.text()));
        }
    }

    @Test
    void looksLikeHtmlGivesWhatSearchingTheWholeTextGave() throws IOException {
        String[] pieces = Stream.concat(Arrays.stream(TAG_PIECES), Arrays.stream(TextNormalizerEquivalenceTest.NASTY))
                .toArray(String[]::new);
        List<Sample> texts = texts(pieces);
        assumeTrue(texts.stream().anyMatch(sample -> HtmlText.looksLikeHtml(sample.text())), "some texts are HTML");
        for (Sample sample : texts) {
            assertEquals(HtmlText.TAG.matcher(sample.text()).find(), HtmlText.looksLikeHtml(sample.text()),
                    () -> sample.origin() + ": " + TextNormalizerEquivalenceTest.escaped(sample.text()));
        }
    }
}
