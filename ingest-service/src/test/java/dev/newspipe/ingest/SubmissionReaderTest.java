package dev.newspipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
}
