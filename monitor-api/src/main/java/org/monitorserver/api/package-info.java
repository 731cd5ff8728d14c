/**
 * The wire records of the REST API v1, in the canonical field names of the API document's answers
 * ({@code total_time}, {@code kernel_time}, {@code context_h}, ...). The server answers with them, the OpenAPI
 * document describes them, and the query client, the benchmark and the integration tests read them, so the
 * documented shape and the real body cannot drift. Only JSON-B and MicroProfile OpenAPI annotations live here:
 * no JPA, JAX-RS or EJB, and no mapping from entities (the server's assemblers do that).
 */
package org.monitorserver.api;
