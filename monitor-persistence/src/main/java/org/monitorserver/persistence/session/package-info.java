/** Reads and writes of test sessions and their tags: {@link org.monitorserver.persistence.session.SessionQueries} and {@link org.monitorserver.persistence.session.SessionIngest}. */
package org.monitorserver.persistence.session;
