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

    /**
     * Same, for a listing with a twin in the opposite order ({@code reversed}, parameters bound): a page in the
     * second half is read from the far end, so the last pages skip as few rows as the first ones. The deepest
     * page then skips half the listing, not all of it.
     *
     * @throws PageNotFoundException when the request names a page outside the listing
     */
    public static <T> Page<T> fetch(TypedQuery<T> list, TypedQuery<T> reversed, long total, PageRequest request) {
        int number = request.resolve(total);
        long offset = (long) (number - 1) * request.size();
        int rows = (int) Math.min(request.size(), total - offset);
        List<T> items;
        if (rows <= 0) {
            items = List.of();
        } else if (reversed == null || offset <= total - offset - rows) {
            items = list.setFirstResult((int) offset).setMaxResults(rows).getResultList();
        } else {
            items = new ArrayList<>(reversed.setFirstResult((int) (total - offset - rows)).setMaxResults(rows)
                    .getResultList());
            Collections.reverse(items);
        }
        return new Page<>(items, number, request.size(), total);
    }
}
