/**
 * The ingest application layer: {@link org.monitorserver.persistence.ingest.IngestService}, the one door through
 * which every front door (REST resources, import jobs, later run tracking) writes results, and the group commit of
 * single metrics ({@link org.monitorserver.persistence.ingest.MetricWriter}) behind it, and
 * {@link org.monitorserver.persistence.ingest.ImportIngest}, which stores whole sessions of an import job with
 * their metrics in one transaction. Front doors hand it domain
 * objects they have read and validated whole; it owns chunking and transactions, and delegates each transaction to
 * the per-family {@code *Ingest} services. Nothing here reads a request body or a file.
 */
package org.monitorserver.persistence.ingest;
