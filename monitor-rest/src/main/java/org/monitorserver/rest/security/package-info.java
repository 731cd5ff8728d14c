/**
 * Authentication: the Jakarta Security mechanism that reads a request's API key, the identity store over the
 * database that checks it (with a cache of at most 4 s), the {@code Caller} every resource scopes its data by,
 * the error page that gives a refused request its JSON body, and the superadmin's first key. See docs/security.md.
 */
package org.monitorserver.rest.security;
