/**
 * The Monitor Server model: execution contexts, test sessions with their tags, and metrics, each owned by a
 * tenant. Entities carry their named queries ({@code Entity.verbByFilter}) and reject bad state in their
 * constructors; value objects are final embeddables. Nothing here knows about EJB, JAX-RS or JSON.
 */
package org.monitorserver.domain;
