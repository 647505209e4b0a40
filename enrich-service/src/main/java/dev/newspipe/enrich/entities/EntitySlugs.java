package dev.newspipe.enrich.entities;

import java.text.Normalizer;
import java.util.Locale;

import dev.newspipe.events.ArticleEnriched.EntityType;

/** Ids of entities outside the knowledge base, in the baseline's style: "person:vedant-patel". */
public final class EntitySlugs {

    public static String slug(EntityType type, String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return type.name().toLowerCase(Locale.ROOT) + ":" + ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    private EntitySlugs() {
    }
}
