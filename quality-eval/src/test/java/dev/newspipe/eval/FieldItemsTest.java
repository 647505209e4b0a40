package dev.newspipe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.newspipe.events.MediaTopics;

/** The invented items for every IPTC second-level topic. */
class FieldItemsTest {

    @Test
    void everySecondLevelTopicHasThreeItemsAndEveryThirdIsHeldOut() {
        List<FieldItems.Item> items = FieldItems.load(FieldItems.RESOURCE);
        Map<String, Long> perField = items.stream().collect(Collectors.groupingBy(FieldItems.Item::field, Collectors.counting()));
        List<String> secondLevel = MediaTopics.all().stream().filter(t -> t.level() == 2).map(MediaTopics.Topic::code).toList();
        for (String code : secondLevel) {
            assertEquals(3L, perField.getOrDefault(code, 0L), code);
        }
        assertEquals(secondLevel.size() * 3, items.size());
        assertEquals(secondLevel.size(), items.stream().filter(FieldItems.Item::heldOut).count());
        items.forEach(item -> assertEquals(item.topLevel(), MediaTopics.withAncestors(item.field()).get(1).code()));
    }

    @Test
    void aRowThatIsNotASecondLevelItemFailsNamingTheRow() {
        IllegalStateException levelOne = assertThrows(IllegalStateException.class,
                () -> FieldItems.load("/gold-topics-bad/field-level-one.tsv"));
        assertTrue(levelOne.getMessage().contains("row 2: medtop:01000000 is not a second-level"), levelOne.getMessage());
        IllegalStateException noBody = assertThrows(IllegalStateException.class,
                () -> FieldItems.load("/gold-topics-bad/field-no-body.tsv"));
        assertTrue(noBody.getMessage().contains("row 1: expected"), noBody.getMessage());
    }
}
