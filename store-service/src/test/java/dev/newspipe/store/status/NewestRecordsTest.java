package dev.newspipe.store.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class NewestRecordsTest {

    @Test
    void keepsOnlyTheNewestNewestFirstWhateverTheOrderOffered() {
        NewestRecords<Integer> newest = new NewestRecords<>(3, Comparator.<Integer>naturalOrder());
        for (int i : new int[] {5, 1, 9, 7, 3, 8, 2}) {
            newest.offer(i);
        }
        assertEquals(List.of(9, 8, 7), newest.newestFirst());
    }

    @Test
    void fewerThanTheLimitAreAllKeptAndALimitOfZeroKeepsNone() {
        NewestRecords<Integer> two = new NewestRecords<>(5, Comparator.<Integer>naturalOrder());
        two.offer(1);
        two.offer(2);
        assertEquals(List.of(2, 1), two.newestFirst());
        NewestRecords<Integer> none = new NewestRecords<>(0, Comparator.<Integer>naturalOrder());
        none.offer(1);
        assertEquals(List.of(), none.newestFirst());
    }

    @Test
    void deadLettersOfTheSameMillisecondAreOrderedByPartitionAndOffset() {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        NewestRecords<DeadLetter> newest = new NewestRecords<>(2, DeadLetter.OLDEST_FIRST);
        for (long offset : new long[] {4, 6, 5}) {
            newest.offer(new DeadLetter("news.raw.dlq", 0, offset, t, null, "r" + offset, null, null, null, null));
        }
        newest.offer(new DeadLetter("news.raw.dlq", 0, 1, t.minusSeconds(1), null, "older", null, null, null, null));
        assertEquals(List.of("r6", "r5"), newest.newestFirst().stream().map(DeadLetter::reason).toList());
    }
}
