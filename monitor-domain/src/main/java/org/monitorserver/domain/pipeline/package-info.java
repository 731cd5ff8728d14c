/**
 * CI pipelines and builds as maintained lists: one row per pipeline and per (pipeline, build) that a session
 * named in its {@code pipeline_branch} and {@code pipeline_build_no} tags, so that listing them reads these
 * small tables instead of every session.
 */
package org.monitorserver.domain.pipeline;
