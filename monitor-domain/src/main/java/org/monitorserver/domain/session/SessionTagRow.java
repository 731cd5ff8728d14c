package org.monitorserver.domain.session;

/** One tag of a listed session, read by {@link Session#FIND_TAGS_BY_SESSION_IDS} in the session's tag order. */
public record SessionTagRow(long sessionId, String key, String value) {

    /** A row as the JPQL constructor expression gives it. */
    public SessionTagRow(Long sessionId, String key, String value) {
        this(sessionId.longValue(), key, value);
    }
}
