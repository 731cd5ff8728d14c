/**
 * Import jobs for {@code .pymon} files: the job records ({@code ImportJobs}), the background runner that claims
 * them under a lease and takes over expired ones ({@code ImportRunner}), and the reader that checks a whole file
 * before anything is stored ({@code PymonFile}). The writes themselves go through the ingest layer
 * ({@code org.monitorserver.persistence.ingest.ImportIngest}). No JAX-RS here: the REST module answers for the
 * routes.
 */
package org.monitorserver.persistence.imports;
