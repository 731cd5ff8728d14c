/**
 * Runs of Spare Cores' resource-tracker: the {@code Run} entity with its registration ({@code RunMetadata}), and
 * the run's samples as the tracker writes them: CSV read row by row
 * ({@link org.monitorserver.domain.run.TrackerCsvReader} into {@link org.monitorserver.domain.run.CsvSample},
 * refused with {@link org.monitorserver.domain.run.InvalidRunDataException}), its columns
 * ({@link org.monitorserver.domain.run.SampleColumn}, {@link org.monitorserver.domain.run.Aggregate}), the summary
 * the tracker would compute ({@link org.monitorserver.domain.run.RunStatistics}) and number text that reads back
 * exactly ({@link org.monitorserver.domain.run.SampleNumbers}). The CSV code is plain Java over a
 * {@link java.io.Reader}: nothing here queries or stores anything, fetches chunks from an object store, or knows
 * HTTP or JSON; that is {@code org.monitorserver.persistence.run} and the REST layer.
 */
package org.monitorserver.domain.run;
