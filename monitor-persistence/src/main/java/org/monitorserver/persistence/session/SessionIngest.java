package org.monitorserver.persistence.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.HashIdentifiedWriter;
import org.monitorserver.persistence.figures.MaintainedFigures;

/** Writes of test sessions; a new session joins its pipeline's figures ({@link MaintainedFigures#addSessions}). */
@Stateless
public class SessionIngest {

    @EJB
    private HashIdentifiedWriter writer;

    @Inject
    private MaintainedFigures figures;

    /**
     * Stores {@code session} with its tags, or returns the stored one when an identical session has this hash.
     *
     * @throws org.monitorserver.persistence.ConflictException when the hash is stored with other content
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Session register(Session session) {
        Session stored = writer.storeOnce(session, Session.class, Session.FIND_BY_HASH, Family.SESSION,
                figures::addSessions);
        stored.getTags(); // the caller renders them after the transaction
        return stored;
    }

    /**
     * Stores {@code sessions} (of one tenant) as {@link #register} would one after the other, in few transactions.
     *
     * @return the conflicts, by position in {@code sessions}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<Integer, ConflictException> registerAll(List<Session> sessions) {
        return writer.storeAllOnce(sessions, Session.class, Session.FIND_BY_HASH, Session.FIND_BY_HASHES,
                Family.SESSION, figures::addSessions);
    }
}
