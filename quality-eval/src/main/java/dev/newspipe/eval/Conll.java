package dev.newspipe.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.newspipe.eval.EntityScoring.TypedSpan;
import dev.newspipe.events.ArticleIngested;
import dev.newspipe.ingest.ArticleIdentity;

/**
 * CoNLL-2003 in IOB2 (token POS chunk NER per line, blank lines between sentences) rebuilt as text:
 * tokens joined by single spaces, sentences as paragraphs separated by a blank line (the normalized
 * body form, so offsets survive ingest normalization), a group of consecutive sentences per document.
 */
public final class Conll {

    public record Token(String text, String tag) {
    }

    /** One rebuilt document: its body and the gold chunks as typed spans of it (PER, ORG, LOC, MISC). */
    public record Document(int number, String body, Set<TypedSpan> gold) {

        /** An ingested article as ingest would produce it for this body: no headline, no URL. */
        public ArticleIngested toArticle() {
            String contentHash = ArticleIdentity.contentHash("", body);
            return new ArticleIngested(ArticleIdentity.articleId(null, contentHash), 1, null, "", body, "CoNLL-2003",
                    null, "en", null, null, contentHash, "http", Instant.EPOCH, null);
        }
    }

    public static List<List<Token>> sentences(String text) {
        List<List<Token>> sentences = new ArrayList<>();
        List<Token> sentence = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                }
                continue;
            }
            String[] columns = line.strip().split("\\s+");
            if (columns[0].equals("-DOCSTART-")) {
                continue;
            }
            sentence.add(new Token(columns[0], columns[columns.length - 1]));
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        return sentences;
    }

    public static List<Document> documents(List<List<Token>> sentences, int sentencesPerDocument) {
        List<Document> documents = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from += sentencesPerDocument) {
            documents.add(document(documents.size() + 1,
                    sentences.subList(from, Math.min(sentences.size(), from + sentencesPerDocument))));
        }
        return documents;
    }

    static Document document(int number, List<List<Token>> sentences) {
        StringBuilder body = new StringBuilder();
        Set<TypedSpan> gold = new HashSet<>();
        for (List<Token> sentence : sentences) {
            if (body.length() > 0) {
                body.append("\n\n");
            }
            String chunkType = null;
            int chunkStart = -1;
            int chunkEnd = -1;
            for (int t = 0; t < sentence.size(); t++) {
                Token token = sentence.get(t);
                if (t > 0) {
                    body.append(' ');
                }
                int start = body.length();
                body.append(token.text());
                String tag = token.tag();
                String type = tag.length() > 2 ? tag.substring(2) : null;
                // IOB2: B- starts a chunk; an I- of another type than the open chunk starts one too (lenient).
                boolean continues = tag.startsWith("I-") && type.equals(chunkType);
                if (!continues && chunkType != null) {
                    gold.add(new TypedSpan(chunkType, chunkStart, chunkEnd));
                    chunkType = null;
                }
                if (tag.startsWith("B-") || tag.startsWith("I-") && !continues) {
                    chunkType = type;
                    chunkStart = start;
                }
                chunkEnd = body.length();
            }
            if (chunkType != null) {
                gold.add(new TypedSpan(chunkType, chunkStart, chunkEnd));
            }
        }
        return new Document(number, body.toString(), gold);
    }

    /** The CoNLL type an entity type is scored as. */
    public static String conllType(String entityType) {
        switch (entityType) {
            case "PERSON":
                return "PER";
            case "ORGANIZATION":
                return "ORG";
            case "LOCATION":
                return "LOC";
            default:
                return "MISC";
        }
    }

    private Conll() {
    }
}
