package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SubmissionReaderTest {

    @Test
    void validUtf8LongerThanTheCheckBufferDecodesUnchanged() {
        String text = "Zürich, São Paulo, Kyiv — «citations» 東京 🚢\n".repeat(2_000);
        assertEquals(text, SubmissionReader.utf8(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedBytesAreRefusedWithTheirOffset() {
        byte[] bytes = "Headline\nA body with a bad byte: ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(bytes, bytes.length + 2);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> SubmissionReader.utf8(bad));
        assertTrue(e.getMessage().contains("byte offset " + bytes.length), e.getMessage());
    }

    @Test
    void aSequenceCutOffAtTheEndIsRefused() {
        byte[] euro = "Price in €".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(euro, euro.length - 1);
        assertThrows(InvalidArticleException.class, () -> SubmissionReader.utf8(cut));
    }

    /** What each NDJSON item became: the article's headline, or the line its error names. */
    private static List<String> outcomes(String body) {
        return SubmissionReader.ndjson(body.getBytes(StandardCharsets.UTF_8)).stream()
                .map(item -> item.article() != null ? item.article().headline()
                        : item.parseError().field() + ": " + item.parseError().getMessage())
                .toList();
    }

    @Test
    void ndjsonLinesEndAtNewlinesWithOrWithoutCarriageReturnAndBlankLinesStillCount() {
        String a = "{\"headline\":\"Bridge reopens\",\"body\":\"Traffic flows again.\"}";
        String b = "{\"headline\":\"Dam inspected\",\"body\":\"No cracks were found.\"}";
        assertEquals(List.of("Bridge reopens", "Dam inspected"), outcomes(a + "\n" + b));
        assertEquals(List.of("Bridge reopens", "Dam inspected"), outcomes(a + "\r\n" + b + "\r\n"));
        assertEquals(List.of("Bridge reopens", "Dam inspected"), outcomes("\n\r\n  \n" + a + "\n\n" + b + "\n"));
        // A bad line is named by its number, blank lines included.
        List<String> withBadLine = outcomes(a + "\r\n\r\n{not json\n" + b);
        assertEquals(3, withBadLine.size());
        assertTrue(withBadLine.get(1).startsWith("line 3: "), withBadLine.get(1));
        assertEquals("Dam inspected", withBadLine.get(2));
        // A carriage return alone does not end a line: inside a line it is part of that line's JSON.
        List<String> loneReturn = outcomes(a + "\r" + b);
        assertEquals(1, loneReturn.size());
        assertTrue(loneReturn.get(0).startsWith("line 1: "), loneReturn.get(0));
        assertThrows(InvalidArticleException.class, () -> outcomes("\n \r\n"));
    }
}
