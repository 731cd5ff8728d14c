/**
 * The local dialect: reads a pytest-monitor {@code .pymon} SQLite database (tables {@code TEST_SESSIONS},
 * {@code EXECUTION_CONTEXTS}, {@code TEST_METRICS}) read-only through SQLite JDBC, and answers every query in
 * the order the server would: rows in arrival ({@code rowid}) order, names sorted, rankings highest or lowest
 * first with ties in arrival order.
 */
package org.monitorserver.client.local;
