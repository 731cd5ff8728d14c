/**
 * Node usage: {@link org.monitorserver.domain.usage.NodeSpan}, the time one session kept one execution context
 * busy, maintained by metric ingestion so that node-seconds are summed over spans, never over metrics. Nothing
 * here computes usage; the arithmetic is in {@code org.monitorserver.persistence.usage}.
 */
package org.monitorserver.domain.usage;
