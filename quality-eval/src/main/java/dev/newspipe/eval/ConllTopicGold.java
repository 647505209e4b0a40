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
 * Our top-level topic labels for the articles of CoNLL-2003 dev ({@code /gold-topics/conll2003-dev-articles.tsv}):
 * for each article number, the top levels that count as right. The file holds labels and a headline checksum,
 * never the text.
 */
public final class ConllTopicGold {

    public static final String RESOURCE = "/gold-topics/conll2003-dev-articles.tsv";

    /** The labels of one article: the top levels accepted, and the checksum of its headline. */
    public record Label(int article, List<String> accepted, String headlineSha256Prefix) {

        /** Whether this label was written for this article (the same cut of the corpus). */
        public boolean matches(Conll.Article article) {
            return article.number() == this.article && headlineSha256Prefix.equals(checksum(article.headline()));
        }
    }

    /** The labels by article number, in file order; a malformed row fails with its line's content. */
    public static Map<Integer, Label> load(String resource) {
        Map<Integer, Label> labels = new LinkedHashMap<>();
        for (String[] row : TsvResource.rows(ConllTopicGold.class, resource)) {
            String where = resource + ": " + String.join(" | ", row);
            if (row.length != 3) {
                throw new IllegalStateException(where + ": expected number, top levels and checksum");
            }
            int number;
            try {
                number = Integer.parseInt(row[0].strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + ": not an article number", e);
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
                throw new IllegalStateException(where + ": article " + number + " is labelled twice");
            }
        }
        return labels;
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

    private ConllTopicGold() {
    }
}
