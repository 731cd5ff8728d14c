package org.monitorserver.rest.session;

import java.time.LocalDateTime;
import java.util.List;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.session.SessionRow;
import org.monitorserver.domain.session.Tag;

/** Turns stored sessions into their wire record, tags under both {@code key} and {@code name}. */
public final class SessionAssembler {

    private SessionAssembler() {
    }

    /** The wire form of {@code s}, with its tags (loaded by the caller's query). */
    public static SessionJson toJson(Session s) {
        return toJson(s.getHash(), s.getRunDate(), s.getScmRef(), s.getTags());
    }

    /** The wire form of a listed {@code row}. */
    public static SessionJson toJson(SessionRow row) {
        return toJson(row.hash(), row.runDate(), row.scmRef(), row.tags());
    }

    private static SessionJson toJson(String hash, LocalDateTime runDate, String scmRef, List<Tag> tags) {
        return new SessionJson(hash, IsoDateTime.format(runDate), scmRef,
                tags.stream().map(tag -> TagJson.of(tag.getKey(), tag.getValue())).toList());
    }
}
