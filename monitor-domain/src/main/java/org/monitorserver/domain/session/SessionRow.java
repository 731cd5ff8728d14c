package org.monitorserver.domain.session;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A stored session as listings read it: a projection (JPQL {@code SELECT NEW}), not a managed entity, with its
 * tags in their stored order. The list query builds it without tags; the page's tags come in one more query
 * ({@link SessionTagRow}) and are attached with {@link #withTags}.
 */
public record SessionRow(long id, String hash, LocalDateTime runDate, String scmRef, List<Tag> tags) {

    /**
     * The select list of a JPQL query over {@code Session s} that builds this record without its tags: the one
     * place that names the constructor's arguments.
     */
    public static final String SELECT = "SELECT NEW org.monitorserver.domain.session.SessionRow(s.id, s.hash,"
            + " s.runDate, s.scmRef)";

    public SessionRow {
        tags = List.copyOf(tags);
    }

    /** A row as the list query reads it, before its tags. */
    public SessionRow(Long id, String hash, LocalDateTime runDate, String scmRef) {
        this(Objects.requireNonNull(id, "id"), hash, runDate, scmRef, List.of());
    }

    /** The same row with {@code tags}. */
    public SessionRow withTags(List<Tag> tags) {
        return new SessionRow(id, hash, runDate, scmRef, tags);
    }
}
