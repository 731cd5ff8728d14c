/**
 * Regression verdicts on the wire: {@code GET /api/v1/compare} ({@link
 * org.monitorserver.rest.verdict.CompareResource}, its parameters in {@link
 * org.monitorserver.rest.verdict.CompareParams}) and the shapes of comparisons and histories ({@link
 * org.monitorserver.rest.verdict.VerdictAssembler}). The item history route is in {@code rest.item}; the
 * per-component thresholds in {@code rest.admin}.
 */
package org.monitorserver.rest.verdict;
