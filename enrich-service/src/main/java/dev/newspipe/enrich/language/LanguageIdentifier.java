package dev.newspipe.enrich.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.newspipe.enrich.entities.ModelResources;
import dev.newspipe.events.ArticleEnriched.DetectedLanguage;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Identifies the language of a text with OpenNLP's language-detection model (103 languages, ISO 639-3
 * codes), reported as ISO 639-1 with the model's confidence. Thread-safe: the model is shared, the
 * detector (which is not thread-safe) is per thread.
 */
public final class LanguageIdentifier {

    static final String RESOURCE = "/langdetect-183.bin";
    /** Enough text for a confident guess; character n-gram features grow with length, so cap the cost. */
    static final int MAX_CHARS = 600;
    public static final DetectedLanguage UNDETERMINED = new DetectedLanguage("und", 0);

    /** ISO 639-3 individual languages the model uses where 639-1 has a code for the macrolanguage. */
    private static final Map<String, String> INDIVIDUAL_TO_639_1 = Map.ofEntries(
            Map.entry("cmn", "zh"), Map.entry("yue", "zh"), Map.entry("wuu", "zh"),
            Map.entry("nob", "nb"), Map.entry("nno", "nn"), Map.entry("pes", "fa"), Map.entry("prs", "fa"),
            Map.entry("arb", "ar"), Map.entry("zsm", "ms"), Map.entry("ekk", "et"), Map.entry("lvs", "lv"),
            Map.entry("swh", "sw"), Map.entry("uzn", "uz"), Map.entry("azj", "az"), Map.entry("khk", "mn"),
            Map.entry("npi", "ne"), Map.entry("ory", "or"), Map.entry("pnb", "pa"), Map.entry("plt", "mg"),
            Map.entry("gug", "gn"), Map.entry("ydd", "yi"), Map.entry("als", "sq"), Map.entry("knn", "kok"),
            Map.entry("quz", "qu"), Map.entry("tgl", "tl"), Map.entry("lat", "la"));

    private final Map<String, String> iso3ToIso1;
    private final ThreadLocal<LanguageDetectorME> detector;

    public LanguageIdentifier() {
        LanguageDetectorModel model = ModelResources.load(RESOURCE, "org.apache.opennlp:opennlp-models-langdetect", LanguageDetectorModel::new);
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
        Map<String, String> codes = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                codes.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known to the JDK: the model cannot name it either
            }
        }
        codes.putAll(INDIVIDUAL_TO_639_1);
        this.iso3ToIso1 = Map.copyOf(codes);
    }

    /** The text's language as ISO 639-1 ("und" with confidence 0 when there is nothing to judge). */
    public DetectedLanguage identify(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).limit(3).count() < 3) {
            return UNDETERMINED;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Language best = detector.get().predictLanguage(sample);
        if (best == null) {
            return UNDETERMINED;
        }
        String code = toIso1(best.getLang());
        double confidence = Math.max(0, Math.min(1, best.getConfidence()));
        return new DetectedLanguage(code, Math.round(confidence * 1000) / 1000.0);
    }

    /** ISO 639-3 to 639-1 where one exists, else the 639-3 code itself. */
    String toIso1(String iso3) {
        return iso3ToIso1.getOrDefault(iso3, iso3);
    }
}
