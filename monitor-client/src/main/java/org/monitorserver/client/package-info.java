/**
 * The query client's entry point: {@link org.monitorserver.client.Monitor}, one object over a monitor server or
 * a local pytest-monitor file, with every method of the reference library {@code monitor_api} and, on a server,
 * the comparison of two refs with its verdicts ({@link org.monitorserver.client.ComparisonRequest}, {@link
 * org.monitorserver.client.Comparison}); the {@link org.monitorserver.client.Dialect} that each source
 * implements; and the typed failures ({@link org.monitorserver.client.MonitorException} and its subclasses) that
 * replace the reference's {@code -1} and {@code None}.
 */
package org.monitorserver.client;
