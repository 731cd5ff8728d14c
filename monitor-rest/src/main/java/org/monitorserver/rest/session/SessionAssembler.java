package org.monitorserver.rest.session;

import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.session.Session;

/** Turns stored sessions into their wire record, tags under both {@code key} and {@code name}. */
public final class SessionAssembler {

    private SessionAssembler() {
    }

    /** The wire form of {@code s}, with its tags (loaded by the caller's query). */
    public static SessionJson toJson(Session s) {
        return new SessionJson(s.getHash(), IsoDateTime.format(s.getRunDate()), s.getScmRef(),
                s.getTags().stream().map(tag -> TagJson.of(tag.getKey(), tag.getValue())).toList());
    }
}
