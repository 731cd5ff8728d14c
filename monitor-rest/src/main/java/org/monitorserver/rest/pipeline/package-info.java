/**
 * The {@code /api/v1/pipelines} routes: CI pipelines, their builds and each build's sessions, as the sessions'
 * {@code pipeline_branch} and {@code pipeline_build_no} tags name them (as text, empty values left out). The
 * per-component forms are under {@code /api/v1/components}; the queries live in {@code monitor-persistence}.
 */
package org.monitorserver.rest.pipeline;
