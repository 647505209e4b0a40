package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newspipe.events.ArticleSubmitted;
import dev.newspipe.testsupport.SharedData;

/**
 * The single-pass {@link TextNormalizer} gives exactly what the regular-expression version
 * ({@link RegexTextNormalizerReference}) gives: on the real texts in ../shared, on every BMP character in a few
 * surroundings, and on random mixes of the characters the rules treat specially.
 */
class TextNormalizerEquivalenceTest {

    /** A text to normalize and where it came from, for the failure message. */
    record Sample(String origin, String text) {
    }

    static void assertSameAsReference(Sample sample) {
        assertEquals(RegexTextNormalizerReference.line(sample.text()), TextNormalizer.line(sample.text()),
                () -> "line() of " + sample.origin() + ": " + escaped(sample.text()));
        assertEquals(RegexTextNormalizerReference.paragraphs(sample.text()), TextNormalizer.paragraphs(sample.text()),
                () -> "paragraphs() of " + sample.origin() + ": " + escaped(sample.text()));
    }

    @Test
    void nullAndEmpty() {
        for (String text : new String[] { null, "", " ", "\n", "\r\n\r\n", "\u200B\uFEFF" }) {
            assertSameAsReference(new Sample("fixed", text));
        }
    }

    @Test
    void sharedTextsNormalizeAsTheReferenceDoes() throws IOException {
        List<Sample> samples = sharedTexts();
        assumeTrue(!samples.isEmpty(), "no ../shared texts (set NEWS_SHARED_DIR)");
        samples.forEach(TextNormalizerEquivalenceTest::assertSameAsReference);
    }

    @Test
    void everyBmpCharacterNormalizesAsTheReferenceDoes() {
        everyBmpCharacter().forEach(TextNormalizerEquivalenceTest::assertSameAsReference);
    }

    /** Characters the rules treat specially, and ones that NFC changes or combines. */
    static final String[] NASTY = { "\r\n", "\r", "\n", "\n\n", " \n \n", "\t", " ", "  ", "\u00A0", "\u2009", "\u2007",
            "\u202F", "\u3000", "\u1680", "\u180E", "\u200B", "\uFEFF", "\u2028", "\u2029", "\u0000", "\u0007", "\u000B",
            "\u000C", "\u001C", "\u001F", "\u007F", "\u0085", "\u009F", "\u0301", "\u0308", "\u0327", "\u0323\u0302",
            "e", "A", "c", "o", "\u1100", "\u1161", "\u11A8", "\u212B", "\u0344", "\u00E9", "\u2018", "\u2019", "\u201A",
            "\u201B", "\u201C", "\u201D", "\u201E", "\u201F", "'", "\"", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0130",
            "\u03A3", "word", "Two words.", "<p>", "&nbsp;" };

    @Test
    void generatedNastyStringsNormalizeAsTheReferenceDoes() {
        generated(NASTY, 50_000).forEach(TextNormalizerEquivalenceTest::assertSameAsReference);
    }

    /** {@code count} strings of up to 40 random pieces, the same on every run. */
    static List<Sample> generated(String[] pieces, int count) {
        Random random = new Random(20240501);
        List<Sample> samples = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(40);
            for (int i = 0; i < parts; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(new Sample("generated #" + n, text.toString()));
        }
        return samples;
    }

    /** One BMP character alone and in a few surroundings, for every character. */
    static List<Sample> everyBmpCharacter() {
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            String origin = String.format("U+%04X", c);
            for (String text : List.of(ch, "a" + ch + "b", " " + ch + ch + " x", "x\n" + ch + "\n\ny", "e" + ch + "\u0301",
                    ch + " \n " + ch, "\u2028" + ch + "\u00A0")) {
                samples.add(new Sample(origin, text));
            }
        }
        return samples;
    }

    /** The shortcut {@link TextNormalizer} takes before asking the normalizer, checked on every pair. */
    @Test
    void textBelowCombiningMarksIsAlreadyNfc() {
        char[] pair = new char[2];
        for (char first = 0; first < '\u0300'; first++) {
            pair[0] = first;
            for (char second = 0; second < '\u0300'; second++) {
                pair[1] = second;
                assertTrue(Normalizer.isNormalized(new String(pair), Normalizer.Form.NFC), () -> escaped(new String(pair)));
            }
        }
        assertFalse(Normalizer.isNormalized("e\u0301", Normalizer.Form.NFC), "a combining mark is not below U+0300");
    }

    // --- the texts of ../shared: seed pages, ninjs items, AG News rows ---

    static List<Sample> sharedTexts() throws IOException {
        List<Sample> samples = new ArrayList<>();
        Path seeds = SharedData.find("samples/seeds").orElse(null);
        if (seeds != null) {
            for (Path file : list(seeds, ".txt")) {
                String page = Files.readString(file, StandardCharsets.UTF_8);
                String origin = file.getFileName().toString();
                samples.add(new Sample(origin, page));
                page.lines().forEach(line -> samples.add(new Sample(origin, line)));
                for (ArticleSubmitted article : ScrapedPage.parse(page)) {
                    addArticle(samples, origin, article);
                }
            }
        }
        Path ninjs = SharedData.find("samples/ninjs").orElse(null);
        if (ninjs != null) {
            ObjectMapper json = new ObjectMapper();
            for (Path file : list(ninjs, ".json")) {
                String origin = file.getFileName().toString();
                JsonNode item = json.readTree(file.toFile());
                addStrings(samples, origin, item);
                if (NinjsArticle.looksLikeNinjs(item)) {
                    addArticle(samples, origin, NinjsArticle.toArticle(item));
                }
            }
        }
        Path agNews = SharedData.find("data/eval/agnews-test.csv").orElse(null);
        if (agNews != null) {
            List<String> rows = Files.readAllLines(agNews, StandardCharsets.UTF_8);
            for (int i = 0; i < rows.size(); i++) {
                samples.add(new Sample("agnews row " + i, rows.get(i)));
            }
            // rows joined into multi-line bodies, the way a client would send several paragraphs
            for (int i = 0; i + 8 <= rows.size(); i += 8) {
                samples.add(new Sample("agnews rows " + i + "+8", String.join(i % 16 == 0 ? "\n" : "\r\n\r\n",
                        rows.subList(i, i + 8))));
            }
        }
        return samples;
    }

    private static void addArticle(List<Sample> samples, String origin, ArticleSubmitted article) {
        samples.add(new Sample(origin + " headline", article.headline()));
        samples.add(new Sample(origin + " body", article.body()));
        if (article.body() != null && HtmlText.looksLikeHtml(article.body())) {
            samples.add(new Sample(origin + " body as text", HtmlText.toText(article.body())));
        }
    }

    private static void addStrings(List<Sample> samples, String origin, JsonNode node) {
        if (node.isTextual()) {
            samples.add(new Sample(origin, node.asText()));
        }
        node.forEach(child -> addStrings(samples, origin, child));
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The text with anything outside printable ASCII as a Unicode escape; a long one cut short. */
    static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.substring(0, Math.min(text.length(), 600)).toCharArray()) {
            out.append(c >= ' ' && c < '\u007F' ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return text.length() > 600 ? out + "... (" + text.length() + " characters)" : out.toString();
    }
}
