/**
 * Regression verdicts read from the stored metrics: {@link org.monitorserver.persistence.verdict.ComparisonQueries}
 * compares two refs (builds, SCM references or sessions) test by test with the history of the baseline's pipeline,
 * and gives a test's history across a pipeline's builds; {@link
 * org.monitorserver.persistence.verdict.ComponentThresholds} keeps the per-component thresholds. The statistics are
 * {@code org.monitorserver.domain.verdict}'s; builds are ordered by their maintained first run date
 * ({@code pipeline_build.first_run_date}).
 */
package org.monitorserver.persistence.verdict;
