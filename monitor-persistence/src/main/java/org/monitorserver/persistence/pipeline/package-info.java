/** Reads of CI pipelines and builds, from the sessions' {@code pipeline_branch} and {@code pipeline_build_no} tags. */
package org.monitorserver.persistence.pipeline;
