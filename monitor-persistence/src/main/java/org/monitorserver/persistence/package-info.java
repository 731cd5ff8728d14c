/**
 * EJB services over the {@code monitor} persistence unit: one {@code <Family>Queries} for reads and one
 * {@code <Family>Ingest} for writes per resource family, each call one JTA transaction. The root holds what every
 * family shares: {@link org.monitorserver.persistence.Page} and {@link org.monitorserver.persistence.PageRequest},
 * the typed exceptions the REST layer maps to statuses, and the idempotent writer for hash-identified rows.
 * Nothing here imports JAX-RS or JSON.
 */
package org.monitorserver.persistence;
