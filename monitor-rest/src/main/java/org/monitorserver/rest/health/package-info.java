/** {@code /api/v1/health}: whether the server and its database are ready, for load balancers and scripts. */
package org.monitorserver.rest.health;
