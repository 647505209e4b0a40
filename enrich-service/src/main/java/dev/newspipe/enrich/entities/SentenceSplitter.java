package dev.newspipe.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
        SentenceModel model = ModelResources.load(RESOURCE, "org.apache.opennlp:opennlp-models-sentdetect-en", SentenceModel::new);
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
                int[] pending = null;
                for (Span span : spans) {
                    int s = skipSpace(text, from + span.getStart(), from + span.getEnd());
                    int e = trimEnd(text, s, from + span.getEnd());
                    if (e <= s) {
                        continue;
                    }
                    if (pending != null && (endsWithInitialOrTitle(text, pending[0], pending[1]) || Character.isLowerCase(text.charAt(s))
                            || EXCHANGE_CODE.matcher(text).region(s, e).lookingAt())) {
                        // "M. Gatting", "Dr. Smith", "F.W. de Klerk": the model's split after an initial or a title,
                        // or before a word in lower case or an exchange code ("Kmart Holdings Corp. KMRT.O said"), is wrong.
                        pending[1] = e;
                    } else {
                        if (pending != null) {
                            sentences.add(pending);
                        }
                        pending = new int[] {s, e};
                    }
                }
                if (pending != null) {
                    sentences.add(pending);
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static final Set<String> TITLE_ABBREVIATIONS = Set.of("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov",
            "Lt", "Col", "Capt", "Sgt", "Adm", "Prof", "Rev", "St", "Mt", "Ft", "No");

    /** Initials that are mostly places or bodies, so a sentence may well end with them ("... in the U.S. The ..."). */
    /** A Reuters instrument code such as "KMRT.O" or "VOD.L", which follows a company's name. */
    private static final Pattern EXCHANGE_CODE = Pattern.compile("[A-Z]{1,5}\\.[A-Z]{1,2}(?![.A-Za-z])");

    static boolean isExchangeCode(String word) {
        return EXCHANGE_CODE.matcher(word).matches();
    }

    static final Set<String> PLACE_INITIALS = Set.of("U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "N.Y.", "L.A.",
            "U.A.E.", "U.S.A.", "S.A.", "N.V.", "B.V.", "A.G.", "P.M.", "A.M.", "N.J.", "N.C.", "S.C.");

    /**
     * The span ends with a single-letter initial ("M."), run-together initials of a person ("F.W.", "A.J.P.") or a
     * title abbreviation ("Dr.").
     */
    private static boolean endsWithInitialOrTitle(String text, int start, int end) {
        if (end - start < 2 || text.charAt(end - 1) != '.') {
            return false;
        }
        int initialsStart = end;
        while (initialsStart - 2 >= start && text.charAt(initialsStart - 1) == '.'
                && Character.isUpperCase(text.charAt(initialsStart - 2))
                && (initialsStart - 2 == start || !Character.isLetterOrDigit(text.charAt(initialsStart - 3))
                        || text.charAt(initialsStart - 3) == '.')) {
            initialsStart -= 2;
        }
        if (end - initialsStart >= 4 && (initialsStart == start || !Character.isLetterOrDigit(text.charAt(initialsStart - 1)))
                && !PLACE_INITIALS.contains(text.substring(initialsStart, end))) {
            return true;
        }
        int wordStart = end - 1;
        while (wordStart > start && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, end - 1);
        boolean standalone = wordStart == start || !Character.isLetterOrDigit(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '.';
        return standalone && (word.length() == 1 && Character.isUpperCase(word.charAt(0)) || TITLE_ABBREVIATIONS.contains(word));
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
