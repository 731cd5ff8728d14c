/** Reads of components: the maintained list of non-empty component names ({@link org.monitorserver.persistence.component.ComponentQueries}). */
package org.monitorserver.persistence.component;
