package org.monitorserver.persistence.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.persistence.HashIdentifiedWriter;

/** Writes of test sessions. */
@Stateless
public class SessionIngest {

    @EJB
    private HashIdentifiedWriter writer;

    /**
     * Stores {@code session} with its tags, or returns the stored one when an identical session has this hash.
     *
     * @throws org.monitorserver.persistence.ConflictException when the hash is stored with other content
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Session register(Session session) {
        Session stored = writer.storeOnce(session, Session.class, Session.FIND_BY_HASH, Family.SESSION);
        stored.getTags(); // the caller renders them after the transaction
        return stored;
    }
}
