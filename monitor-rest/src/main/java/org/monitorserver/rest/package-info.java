/**
 * The REST API v1 of pytest-monitor's monitor-server, on JAX-RS. Resources per family validate, call one EJB
 * service and map its result to wire records; they never touch an {@code EntityManager}. The root holds what
 * every family shares: the application and its settings, request bodies ({@link org.monitorserver.rest.JsonObjectReader},
 * {@link org.monitorserver.rest.JsonFields}), path normalisation, page envelopes ({@link org.monitorserver.rest.Pages})
 * and the one {@link org.monitorserver.rest.ErrorMapper}.
 */
package org.monitorserver.rest;
