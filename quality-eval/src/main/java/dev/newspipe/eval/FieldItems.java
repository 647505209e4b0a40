package dev.newspipe.eval;

import java.util.ArrayList;
import java.util.List;

import dev.newspipe.events.MediaTopics;
import dev.newspipe.events.TsvResource;

/**
 * Invented news items, three for each IPTC second-level topic ({@code /gold-topics/iptc-fields-invented.tsv}): a
 * test of the taxonomy's breadth that no corpus in {@code ../shared} gives, since AG News and CoNLL-2003 are mostly
 * business, sport, politics and conflict. Items are numbered from 0 in file order; every third one (number % 3 == 2)
 * is held out from tuning. The topic model's training items ({@link TrainTopicModel#ITEMS}) share the format.
 */
public final class FieldItems {

    public static final String RESOURCE = "/gold-topics/iptc-fields-invented.tsv";

    /** One item: its second-level topic, the level-1 topic above it, and the text. */
    public record Item(int number, String field, String topLevel, String headline, String body) {

        public boolean heldOut() {
            return number % 3 == 2;
        }
    }

    /** The items in file order; a row that is not a second-level code, a headline and a body fails naming the row. */
    public static List<Item> load(String resource) {
        List<Item> items = new ArrayList<>();
        for (String[] row : TsvResource.rows(FieldItems.class, resource)) {
            String where = resource + ": row " + (items.size() + 1);
            if (row.length != 3 || row[1].isBlank() || row[2].isBlank()) {
                throw new IllegalStateException(where + ": expected a second-level code, a headline and a body");
            }
            String code = row[0].strip();
            List<MediaTopics.Topic> chain = MediaTopics.withAncestors(code);
            if (chain.size() != 2) {
                throw new IllegalStateException(where + ": " + code + " is not a second-level Media Topic");
            }
            items.add(new Item(items.size(), code, chain.get(1).code(), row[1].strip(), row[2].strip()));
        }
        return items;
    }

    private FieldItems() {
    }
}
