package dev.newspipe.enrich.entities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.newspipe.events.ArticleEnriched.EntityType;

/** Ids of entities outside the knowledge base, in the baseline's style: "person:vedant-patel". */
public final class EntitySlugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-|-$");

    public static String slug(EntityType type, String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String dashed = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return type.name().toLowerCase(Locale.ROOT) + ":" + EDGE_DASHES.matcher(dashed).replaceAll("");
    }

    private EntitySlugs() {
    }
}
