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

    /** A news article of the corpus as the wire sent it: its headline, and its body from the dateline on. */
    public record Article(int number, String headline, String body) {
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * The corpus cut into its articles (numbered from 0). This file has no document markers, but every article
     * has a dateline, a sentence that ends with the date ("LONDON 1996-08-30"): the sentence before it is the
     * headline, or the one before that when it is a byline (at most three words, no full stop). Text before
     * the first dateline belongs to no article.
     */
    public static List<Article> articles(List<List<Token>> sentences) {
        List<int[]> starts = new ArrayList<>();
        for (int i = 1; i < sentences.size(); i++) {
            List<Token> sentence = sentences.get(i);
            if (!DATE.matcher(sentence.get(sentence.size() - 1).text()).matches()) {
                continue;
            }
            int headline = i - 1;
            List<Token> before = sentences.get(headline);
            if (i >= 2 && before.size() <= 3 && !before.get(before.size() - 1).text().equals(".")) {
                headline = i - 2;
            }
            starts.add(new int[] {headline, i});
        }
        List<Article> articles = new ArrayList<>();
        for (int a = 0; a < starts.size(); a++) {
            int end = a + 1 < starts.size() ? starts.get(a + 1)[0] : sentences.size();
            StringBuilder body = new StringBuilder();
            for (List<Token> sentence : sentences.subList(starts.get(a)[1], end)) {
                body.append(body.length() > 0 ? "\n\n" : "").append(text(sentence));
            }
            articles.add(new Article(a, text(sentences.get(starts.get(a)[0])), body.toString()));
        }
        return articles;
    }

    private static String text(List<Token> sentence) {
        StringBuilder out = new StringBuilder();
        for (Token token : sentence) {
            out.append(out.length() > 0 ? " " : "").append(token.text());
        }
        return out.toString();
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
