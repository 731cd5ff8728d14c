package org.monitorserver.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must happen only once the current JTA transaction has committed, and never after a rollback. */
public final class AfterCommits {

    private AfterCommits() {
    }

    /** Runs {@code learnt} after the current transaction of {@code transactions} commits. */
    public static void register(TransactionSynchronizationRegistry transactions, Runnable learnt) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    learnt.run();
                }
            }
        });
    }
}
