/**
 * Import jobs: a {@code .pymon} file uploaded to be loaded in the background ({@code ImportJob}) and its bytes in
 * parts of at most 1 MiB ({@code ImportUploadPart}), kept in the database until the job ends so that any server
 * sharing the database can run it. Entities and their named queries only; claiming, running and storing live in the
 * persistence module.
 */
package org.monitorserver.domain.imports;
