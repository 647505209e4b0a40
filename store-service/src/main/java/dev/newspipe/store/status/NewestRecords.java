package dev.newspipe.store.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the newest {@code limit} of the items offered, by the given order, in memory for only that many:
 * a dead-letter topic's last records are read without holding all that was polled.
 */
public final class NewestRecords<T> {

    private final int limit;
    private final Comparator<T> order;
    private final PriorityQueue<T> oldestFirst;

    public NewestRecords(int limit, Comparator<T> order) {
        this.limit = limit;
        this.order = order;
        this.oldestFirst = new PriorityQueue<>(Math.max(1, limit), order);
    }

    public void offer(T item) {
        if (limit <= 0) {
            return;
        }
        if (oldestFirst.size() < limit) {
            oldestFirst.add(item);
        } else if (order.compare(item, oldestFirst.peek()) > 0) {
            oldestFirst.poll();
            oldestFirst.add(item);
        }
    }

    /** The items kept, newest first. */
    public List<T> newestFirst() {
        List<T> items = new ArrayList<>(oldestFirst);
        items.sort(order.reversed());
        return items;
    }
}
