package org.monitorserver.persistence;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a named list query and its count twin (same filter, parameters already bound) for one page. The count
 * comes first: it sizes the listing, which negative page numbers need.
 */
public final class PageQuery {

    private PageQuery() {
    }

    /** @throws PageNotFoundException when the request names a page outside the listing */
    public static <T> Page<T> fetch(TypedQuery<T> list, TypedQuery<Long> count, PageRequest request) {
        return fetch(list, count.getSingleResult(), request);
    }

    /**
     * Same, with the listing's size already known (a maintained count, or a cap such as the top n).
     *
     * @throws PageNotFoundException when the request names a page outside the listing
     */
    public static <T> Page<T> fetch(TypedQuery<T> list, long total, PageRequest request) {
        return fetch(list, null, total, request);
    }

    /** Reads {@code rows} rows of a listing, the first of them at place {@code offset} (0-based). */
    @FunctionalInterface
    public interface Slice<T> {
        List<T> read(long offset, int rows);
    }

    /**
     * Same, for a listing read some other way than by one query ({@code slice}), of known size.
     *
     * @throws PageNotFoundException when the request names a page outside the listing
     */
    public static <T> Page<T> fetch(Slice<T> slice, long total, PageRequest request) {
        int number = request.resolve(total);
        long offset = (long) (number - 1) * request.size();
        int rows = (int) Math.min(request.size(), total - offset);
        return new Page<>(rows <= 0 ? List.of() : slice.read(offset, rows), number, request.size(), total);
    }

    /**
     * Same, for a listing with a twin in the opposite order ({@code reversed}, parameters bound): a page in the
     * second half is read from the far end, so the last pages skip as few rows as the first ones. The deepest
     * page then skips half the listing, not all of it.
     *
     * @throws PageNotFoundException when the request names a page outside the listing
     */
    public static <T> Page<T> fetch(TypedQuery<T> list, TypedQuery<T> reversed, long total, PageRequest request) {
        return fetch(list, reversed, total, request, null);
    }

    /**
     * Same, for a listing counted by id block ({@code blocks}), whose list query takes a lower id bound
     * {@code fromId} and whose twin an upper bound {@code belowId}: a deep page starts reading at the block that
     * holds its first row, so no page skips more than one block's rows, however deep.
     *
     * @throws PageNotFoundException when the request names a page outside the listing
     */
    public static <T> Page<T> fetch(TypedQuery<T> list, TypedQuery<T> reversed, long total, PageRequest request,
            IdBlocks blocks) {
        return fetch((offset, rows) -> {
            if (reversed == null || offset <= total - offset - rows) {
                return read(list, "fromId", blocks == null ? null : blocks.forward(offset), offset, rows);
            }
            long skip = total - offset - rows;
            var items = new ArrayList<>(read(reversed, "belowId", blocks == null ? null : blocks.backward(skip), skip,
                    rows));
            Collections.reverse(items);
            return items;
        }, total, request);
    }

    /** {@code query}'s rows as a {@link Slice}: {@code OFFSET} and {@code LIMIT}. */
    public static <T> Slice<T> slice(TypedQuery<T> query) {
        return (offset, rows) -> read(query, null, null, offset, rows);
    }

    /** Rows of {@code query}, from {@code start}'s id bound (named {@code bound}) when a seek gives one. */
    private static <T> List<T> read(TypedQuery<T> query, String bound, IdBlocks.Start start, long skip, int rows) {
        if (start != null) {
            query.setParameter(bound, start.id());
            skip = start.skip();
        }
        return query.setFirstResult((int) skip).setMaxResults(rows).getResultList();
    }
}
