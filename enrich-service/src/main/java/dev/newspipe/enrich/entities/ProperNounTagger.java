package dev.newspipe.enrich.entities;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;

/**
 * Part-of-speech tags from OpenNLP's English UD model, computed only where name chunking asks.
 * Tagging every token with the beam search costs about 10 ms per 600-word article; entity chunking
 * only needs the tags of capitalised tokens (is "Additional" at the start of a sentence a proper noun?),
 * so the model is evaluated greedily at those positions and at the token before each, whose tag the
 * model uses as context. Tags are Universal Dependencies tags (PROPN, NOUN, ADJ, ...).
 */
final class ProperNounTagger {

    static final String RESOURCE = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final MaxentModel model;
    private final ThreadLocal<POSContextGenerator> contexts;

    ProperNounTagger() {
        POSModel posModel = ModelResources.load(RESOURCE, "org.apache.opennlp:opennlp-models-pos-en", POSModel::new);
        Object artifact = posModel.getArtifact("pos.model");
        if (!(artifact instanceof MaxentModel)) {
            throw new IllegalStateException("unexpected POS model type in " + RESOURCE + ": " + artifact);
        }
        this.model = (MaxentModel) artifact;
        this.contexts = ThreadLocal.withInitial(() -> posModel.getFactory().getPOSContextGenerator());
    }

    /** A sentence's tags, filled lazily; {@code words} must not change while it is in use. */
    final class SentenceTags {
        private final String[] words;
        private final String[] tags;
        private final POSContextGenerator context = contexts.get();

        SentenceTags(String[] words) {
            this.words = words;
            this.tags = new String[words.length];
        }

        String tag(int index) {
            if (tags[index] == null) {
                if (index > 0 && tags[index - 1] == null) {
                    tags[index - 1] = evaluate(index - 1);
                }
                tags[index] = evaluate(index);
            }
            return tags[index];
        }

        private String evaluate(int index) {
            String[] features = context.getContext(index, words, tags, null);
            return model.getBestOutcome(model.eval(features));
        }
    }

    SentenceTags forSentence(String[] words) {
        return new SentenceTags(words);
    }
}
