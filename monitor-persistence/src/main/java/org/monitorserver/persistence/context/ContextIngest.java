package org.monitorserver.persistence.context;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Map;
import org.monitorserver.domain.context.ExecutionContext;
import org.monitorserver.domain.count.RowCount.Family;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.HashIdentifiedWriter;

/** Writes of execution contexts. */
@Stateless
public class ContextIngest {

    @EJB
    private HashIdentifiedWriter writer;

    /**
     * Stores {@code context}, or returns the stored one when an identical context has this hash already.
     *
     * @throws org.monitorserver.persistence.ConflictException when the hash is stored with other content
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExecutionContext register(ExecutionContext context) {
        return writer.storeOnce(context, ExecutionContext.class, ExecutionContext.FIND_BY_HASH, Family.CONTEXT);
    }

    /**
     * Stores {@code contexts} (of one tenant) as {@link #register} would one after the other, in few transactions.
     *
     * @return the conflicts, by position in {@code contexts}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<Integer, ConflictException> registerAll(List<ExecutionContext> contexts) {
        return writer.storeAllOnce(contexts, ExecutionContext.class, ExecutionContext.FIND_BY_HASH,
                ExecutionContext.FIND_BY_HASHES, Family.CONTEXT, (connection, inserted) -> {
                });
    }
}
