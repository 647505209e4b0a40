package dev.newspipe.jmh;

import java.util.List;

/** The items of a list in turn, round and round: each benchmark call takes the next article. */
final class Cycle<T> {

    private final List<T> items;
    private int next;

    Cycle(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to cycle through");
        }
        this.items = List.copyOf(items);
    }

    T next() {
        T item = items.get(next);
        next = next + 1 == items.size() ? 0 : next + 1;
        return item;
    }
}
