package org.monitorserver.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, with what a client needs to walk the others.
 *
 * @param items the rows of this page, in the listing's stable order
 * @param number this page's 1-based number
 * @param size the page size the listing was cut with
 * @param total the number of rows in the whole listing
 * @param <T> the row type
 */
public record Page<T>(List<T> items, int number, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** Pages in the listing; at least 1. */
    public int totalPages() {
        return PageRequest.pageCount(total, size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The same page with each row mapped, for turning entities into wire records. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), number, size, total);
    }
}
