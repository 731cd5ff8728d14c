/**
 * Metrics: the resource use of one test item (function or module) in one session on one context. A metric
 * names its session and context by hash only, because clients may post it before either (the API document
 * asks for no prior knowledge).
 */
package org.monitorserver.domain.metric;
