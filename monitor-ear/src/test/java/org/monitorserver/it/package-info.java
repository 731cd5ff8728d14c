/**
 * Integration tests: the built EAR deployed by Arquillian into a managed WildFly (target/it-server), driven
 * over HTTP with the Jersey client exactly as remote clients drive it. Each test makes its own data with
 * unique hashes and asserts on count deltas, so tests run in any order against a shared database.
 */
package org.monitorserver.it;
