/**
 * {@code /api/v1/imports}: uploads of {@code .pymon} files, answered at once with a queued job that the
 * persistence module's runner loads in the background, and the jobs' states. The resource only validates the
 * upload (size, not empty) and delegates; the assembler turns job entities into {@code ImportJson}.
 */
package org.monitorserver.rest.imports;
