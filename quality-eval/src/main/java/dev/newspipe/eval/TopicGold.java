package dev.newspipe.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newspipe.events.MediaTopics;
import dev.newspipe.events.TsvResource;

/**
 * Our top-level topic labels for texts of a corpus in {@code ../shared}: for each text's number, the top levels
 * that count as right, and a checksum of its headline. The files hold labels and checksums, never the text.
 */
public final class TopicGold {

    /** The 211 labelled Reuters articles of CoNLL-2003 dev, numbered as {@link Conll#articles} cuts them. */
    public static final String CONLL_ARTICLES = "/gold-topics/conll2003-dev-articles.tsv";
    /** 400 rows of AG News test drawn at random, numbered as {@link AgNewsCsv#parse} numbers them, labelled in IPTC terms. */
    public static final String AG_NEWS_SAMPLE = "/gold-topics/agnews-test-iptc-sample.tsv";
    /** The other 7,200 rows of AG News test, labelled in the same way. */
    public static final String AG_NEWS_REST = "/gold-topics/agnews-test-iptc-rest.tsv";

    /** The labels of one text: the top levels accepted, the first being the annotator's first choice. */
    public record Label(int number, List<String> accepted, String headlineSha256Prefix) {

        /** Whether this label was written for this text (the same numbering of the same corpus). */
        public boolean matches(int number, String headline) {
            return number == this.number && headlineSha256Prefix.equals(checksum(headline));
        }

        public String firstChoice() {
            return accepted.get(0);
        }
    }

    /** The labels by number, in file order; a malformed row fails with its line's content. */
    public static Map<Integer, Label> load(String resource) {
        Map<Integer, Label> labels = new LinkedHashMap<>();
        for (String[] row : TsvResource.rows(TopicGold.class, resource)) {
            String where = resource + ": " + String.join(" | ", row);
            if (row.length != 3) {
                throw new IllegalStateException(where + ": expected number, top levels and checksum");
            }
            int number;
            try {
                number = Integer.parseInt(row[0].strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + ": not a text number", e);
            }
            List<String> accepted = List.of(row[1].strip().split("\\s*,\\s*"));
            for (String code : accepted) {
                if (MediaTopics.find(code).filter(topic -> topic.level() == 1).isEmpty()) {
                    throw new IllegalStateException(where + ": " + code + " is not a top-level Media Topic");
                }
            }
            if (!row[2].strip().matches("[0-9a-f]{8}")) {
                throw new IllegalStateException(where + ": the checksum is 8 hex digits");
            }
            if (labels.put(number, new Label(number, accepted, row[2].strip())) != null) {
                throw new IllegalStateException(where + ": text " + number + " is labelled twice");
            }
        }
        return labels;
    }

    /**
     * The label of one text, or null when it has none. A label whose checksum does not match stops the run: it was
     * written for another text (the corpus or its numbering changed), and scoring it would be meaningless.
     */
    public static Label labelOf(Map<Integer, Label> labels, String resource, int number, String headline) {
        Label label = labels.get(number);
        if (label != null && !label.matches(number, headline)) {
            throw new IllegalStateException(resource + ": text " + number + " has another headline than the one"
                    + " labelled; the corpus or its numbering changed");
        }
        return label;
    }

    /** The first 8 hex digits of the SHA-256 of a headline (UTF-8). */
    static String checksum(String headline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(headline.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private TopicGold() {
    }
}
