/**
 * A benchmark harness for the Monitor Server, run by hand ({@code java -jar monitor-bench.jar}), never by CI.
 * {@link org.monitorserver.bench.Benchmark} creates a PostgreSQL database ({@link org.monitorserver.bench.Database}),
 * starts the provisioned server ({@link org.monitorserver.bench.Server}), loads a generated
 * {@link org.monitorserver.bench.DataSet} through the bulk routes ({@link org.monitorserver.bench.Loader}), runs each
 * {@link org.monitorserver.bench.Scenario} with its own {@link org.monitorserver.bench.LoadGenerator} and prints a
 * {@link org.monitorserver.bench.Report}; {@link org.monitorserver.bench.ImportComparison} times a {@code .pymon}
 * import ({@link org.monitorserver.bench.PymonFile}) against the bulk route on a database of its own, and
 * {@link org.monitorserver.bench.AuthComparison} compares the server JVM's CPU per request
 * ({@link org.monitorserver.bench.ServerCpu}) with authentication on and off on another. The load
 * generator speaks HTTP/1.1 over blocking sockets itself, with requests encoded before the clock starts, so the
 * numbers measure the server rather than a client library; outside the timed loops the data sets and the answers
 * (counts, health, bulk reports) are the API's records ({@code org.monitorserver.api}) through JSON-B.
 */
package org.monitorserver.bench;
