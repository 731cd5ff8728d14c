/**
 * Execution contexts: the machine a test session ran on (CPU, memory, OS, Python), identified per tenant by
 * the hash pytest-monitor computes from that description.
 */
package org.monitorserver.domain.context;
