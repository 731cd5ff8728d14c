/**
 * Tracked runs (the Sentinel run API): their registration, finish and queries ({@code RunIngest},
 * {@code RunQueries}), their samples as typed rows ({@code RunSamples}), the object store that clients upload
 * chunks to ({@code ObjectStore}) and the background jobs that load those chunks ({@code RunRunner}). Nothing here
 * speaks HTTP or JSON-B; the JSON texts kept on a run are written with JSON-P.
 */
package org.monitorserver.persistence.run;
