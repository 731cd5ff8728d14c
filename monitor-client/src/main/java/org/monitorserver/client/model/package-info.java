/**
 * The client-side value types of the query client: the entities {@link org.monitorserver.client.model.Session},
 * {@link org.monitorserver.client.model.Context} and {@link org.monitorserver.client.model.Metric}, their
 * collections (with the reference library's filters and its {@code to_df} export as a {@link
 * org.monitorserver.client.model.Table}), and the enums that name fields, resources, scopes and verdicts.
 * Nothing here knows where the data came from: both dialects build the same values, so results compare equal.
 */
package org.monitorserver.client.model;
