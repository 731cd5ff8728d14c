/** Reads and writes of execution contexts: {@link org.monitorserver.persistence.context.ContextQueries} and {@link org.monitorserver.persistence.context.ContextIngest}. */
package org.monitorserver.persistence.context;
