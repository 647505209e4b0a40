package dev.newspipe.enrich.entities;

import java.util.ArrayList;
import java.util.List;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence spans from OpenNLP's English sentence model. Lines are split first: scraped bodies put
 * headlines, captions and bullets on their own lines without final punctuation, and the model would
 * run them into the next sentence.
 */
final class SentenceSplitter {

    static final String RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private final ThreadLocal<SentenceDetectorME> detector;

    SentenceSplitter() {
        SentenceModel model = ModelResources.load(RESOURCE, "opennlp-models-sentdetect-en", SentenceModel::new);
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    List<int[]> split(String text) {
        List<int[]> sentences = new ArrayList<>();
        SentenceDetectorME me = detector.get();
        int lineStart = 0;
        int length = text.length();
        while (lineStart < length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int from = skipSpace(text, lineStart, lineEnd);
            int to = trimEnd(text, from, lineEnd);
            if (to > from) {
                String line = text.substring(from, to);
                Span[] spans = line.indexOf('.') < 0 && line.indexOf('?') < 0 && line.indexOf('!') < 0
                        ? new Span[] {new Span(0, line.length())}
                        : me.sentPosDetect(line);
                for (Span span : spans) {
                    int s = skipSpace(text, from + span.getStart(), from + span.getEnd());
                    int e = trimEnd(text, s, from + span.getEnd());
                    if (e > s) {
                        sentences.add(new int[] {s, e});
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static int skipSpace(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
