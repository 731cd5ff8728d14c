package org.monitorserver.persistence.figures;

/** Runs what a transaction learnt once it has committed, and never if it rolls back. */
@FunctionalInterface
interface AfterCommit {

    void run(Runnable learnt);
}
