package org.monitorserver.persistence.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.domain.pipeline.Build;
import org.monitorserver.domain.pipeline.Pipeline;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.ConflictException;
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

    /**
     * Stores {@code sessions} (of one tenant) as {@link #register} would one after the other, in few transactions.
     *
     * @return the conflicts, by position in {@code sessions}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<Integer, ConflictException> registerAll(List<Session> sessions) {
        return writer.storeAllOnce(sessions, Session.class, Session.FIND_BY_HASH, Session.FIND_BY_HASHES,
                Family.SESSION, this::addToPipelineLists);
    }

    /**
     * New sessions' pipelines and builds join the maintained lists, in the sessions' transaction (the caller's,
     * through {@code em}): each once, in a fixed order, so that concurrent writers take these rows' locks in one
     * order. Public for the other writers of new sessions (the {@code .pymon} import).
     */
    public void addToPipelineLists(EntityManager em, List<Session> sessions) {
        var pipelines = new TreeSet<String>();
        var builds = new TreeSet<List<String>>(Comparator.<List<String>, String>comparing(b -> b.get(0))
                .thenComparing(b -> b.get(1)));
        for (Session session : sessions) {
            if (session.getPipeline() != null) {
                pipelines.add(session.getPipeline());
                if (session.getBuild() != null) {
                    builds.add(List.of(session.getPipeline(), session.getBuild()));
                }
            }
        }
        long tenant = sessions.get(0).getTenantId();
        String vendor = schema.vendor();
        for (String pipeline : pipelines) {
            InsertIfAbsent.execute(em, vendor, Pipeline.INSERT_IF_ABSENT_POSTGRESQL, Pipeline.INSERT_IF_ABSENT_H2,
                    tenant, pipeline);
        }
        for (List<String> build : builds) {
            InsertIfAbsent.execute(em, vendor, Build.INSERT_IF_ABSENT_POSTGRESQL, Build.INSERT_IF_ABSENT_H2, tenant,
                    build.get(0), build.get(1));
        }
    }
}
