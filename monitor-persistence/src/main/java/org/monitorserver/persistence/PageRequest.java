package org.monitorserver.persistence;

/**
 * Which page of a listing a client asked for: {@code page} is 1-based and a negative value counts from the end
 * ({@code -1} is the last page). Page 0 and pages beyond either end do not exist.
 *
 * @param page the requested page, as sent
 * @param size rows per page, at least 1
 */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + size);
        }
    }

    /** The first page of {@code size} rows. */
    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    /** How many pages {@code total} rows fill; an empty listing still has its (empty) page 1. */
    public static int pageCount(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /**
     * The 1-based page number this request designates among {@code total} rows.
     *
     * @throws PageNotFoundException for page 0 and pages beyond either end
     */
    public int resolve(long total) {
        int pages = pageCount(total, size);
        int number = page < 0 ? pages + 1 + page : page;
        if (page == 0 || number < 1 || number > pages) {
            throw new PageNotFoundException(page, pages);
        }
        return number;
    }
}
