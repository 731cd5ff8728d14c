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
        long total = count.getSingleResult();
        int number = request.resolve(total);
        List<T> items = total == 0 ? List.of()
                : list.setFirstResult((number - 1) * request.size()).setMaxResults(request.size()).getResultList();
        return new Page<>(items, number, request.size(), total);
    }
}
