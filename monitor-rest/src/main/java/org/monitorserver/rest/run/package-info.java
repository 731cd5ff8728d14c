/**
 * {@code /api/v1/runs} and its root alias {@code /runs}: the Sentinel run API that Spare Cores' resource-tracker
 * clients speak (register, refresh credentials, finish), and the queries of runs and their samples. The wire
 * forms of both real clients are read here ({@code RunRegistration}, {@code RunFinishSubmission}) into the
 * persistence layer's types; nothing here touches the database.
 */
package org.monitorserver.rest.run;
