package org.monitorserver.persistence;

import jakarta.ejb.ApplicationException;

/** A page number outside the listing (0, or beyond either end). Reads only, so nothing to roll back. */
@ApplicationException
public class PageNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PageNotFoundException(int page, int pages) {
        super("page " + page + " does not exist: there " + (pages == 1 ? "is 1 page" : "are " + pages + " pages")
                + " (use 1.." + pages + ", or -1..-" + pages + " from the end)");
    }
}
