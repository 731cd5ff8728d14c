/**
 * Regression verdicts: whether a test's resource use (higher is always worse) changed between a baseline and a
 * contender build beyond a percent threshold and beyond that test's noise. {@link
 * org.monitorserver.domain.verdict.VerdictRule} decides one test and resource into a {@link
 * org.monitorserver.domain.verdict.Comparison} from the statistics here, each plain JDK arithmetic and
 * deterministic: {@link org.monitorserver.domain.verdict.Median}, {@link
 * org.monitorserver.domain.verdict.StudentT}, the {@link org.monitorserver.domain.verdict.PredictionInterval} of a
 * build history (Bencher's t-test threshold), the {@link org.monitorserver.domain.verdict.MannWhitneyU} test of
 * two refs' runs (Mann and Whitney 1947), and {@link org.monitorserver.domain.verdict.ChangePoints} (E-Divisive
 * means, Matteson and James 2014) for where a series shifts. Nothing here reads or stores metrics or knows JSON;
 * callers pass plain arrays of values.
 */
package org.monitorserver.domain.verdict;
