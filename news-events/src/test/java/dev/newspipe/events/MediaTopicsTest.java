package dev.newspipe.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MediaTopicsTest {

    @Test
    void knowsTheTopLevelsAndTheHierarchy() {
        assertEquals("conflicts, war and peace", MediaTopics.find("medtop:16000000").orElseThrow().label());
        assertEquals(1, MediaTopics.find("medtop:16000000").orElseThrow().level());
        List<MediaTopics.Topic> chain = MediaTopics.withAncestors("medtop:20000638");
        assertEquals(List.of("medtop:20000638", "medtop:11000000"), chain.stream().map(MediaTopics.Topic::code).toList());
        assertTrue(MediaTopics.children("medtop:11000000").contains("medtop:20000638"));
        assertTrue(MediaTopics.all().stream().filter(t -> t.level() == 1).count() >= 17);
        assertFalse(MediaTopics.exists("medtop:99999999"));
    }
}
