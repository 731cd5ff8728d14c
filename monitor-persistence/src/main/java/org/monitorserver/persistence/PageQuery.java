package org.monitorserver.persistence;

import jakarta.persistence.TypedQuery;
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
        int number = request.resolve(total);
        int offset = (number - 1) * request.size();
        int rows = (int) Math.min(request.size(), total - offset);
        List<T> items = rows <= 0 ? List.of() : list.setFirstResult(offset).setMaxResults(rows).getResultList();
        return new Page<>(items, number, request.size(), total);
    }
}
