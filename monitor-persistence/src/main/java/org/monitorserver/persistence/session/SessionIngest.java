package org.monitorserver.persistence.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.count.RowCount.Family;
import jakarta.persistence.EntityManager;
import org.monitorserver.domain.pipeline.Build;
import org.monitorserver.domain.pipeline.Pipeline;
import org.monitorserver.persistence.HashIdentifiedWriter;
import org.monitorserver.persistence.InsertIfAbsent;
import org.monitorserver.persistence.schema.SchemaMigration;

/** Writes of test sessions. */
@Stateless
public class SessionIngest {

    @EJB
    private HashIdentifiedWriter writer;

    @EJB
    private SchemaMigration schema;

    /**
     * Stores {@code session} with its tags, or returns the stored one when an identical session has this hash.
     *
     * @throws org.monitorserver.persistence.ConflictException when the hash is stored with other content
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Session register(Session session) {
        Session stored = writer.storeOnce(session, Session.class, Session.FIND_BY_HASH, Family.SESSION,
                this::addToPipelineLists);
        stored.getTags(); // the caller renders them after the transaction
        return stored;
    }

    /** A new session's pipeline and build join the maintained lists, in the session's transaction. */
    private void addToPipelineLists(EntityManager em, Session session) {
        if (session.getPipeline() == null) {
            return;
        }
        InsertIfAbsent.execute(em, schema.vendor(), Pipeline.INSERT_IF_ABSENT_POSTGRESQL, Pipeline.INSERT_IF_ABSENT_H2,
                session.getTenantId(), session.getPipeline());
        if (session.getBuild() != null) {
            InsertIfAbsent.execute(em, schema.vendor(), Build.INSERT_IF_ABSENT_POSTGRESQL, Build.INSERT_IF_ABSENT_H2,
                    session.getTenantId(), session.getPipeline(), session.getBuild());
        }
    }
}
