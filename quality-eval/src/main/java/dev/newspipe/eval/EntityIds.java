package dev.newspipe.eval;

import java.text.Normalizer;
import java.util.Locale;

import dev.newspipe.events.ArticleEnriched.EntityType;

/** Entity ids as the event contract defines them. */
public final class EntityIds {

    /**
     * The deterministic id of an entity without a Wikidata id: lower-case type, ':', and the ASCII-folded
     * name with every run of other characters made one '-'. The same rule as the enrich engine's slugs
     * (EntitySlugs in enrich-service), so that gold and prediction meet on it.
     */
    public static String slug(EntityType type, String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return type.name().toLowerCase(Locale.ROOT) + ":"
                + ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    public static boolean isQid(String id) {
        return id != null && id.matches("Q[1-9][0-9]*");
    }

    private EntityIds() {
    }
}
