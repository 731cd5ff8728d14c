/**
 * The command line of {@code monitor-client-cli.jar}: {@code count}, {@code sessions}, {@code metrics}, {@code
 * top} over a server ({@code --server}) or a {@code .pymon} file ({@code --file}), and, on a server only, {@code
 * compare} of two refs with its verdict gate and {@code import} of a file. Arguments are parsed here, without a
 * library; {@link org.monitorserver.client.cli.ExitCode} lists the documented exit codes.
 */
package org.monitorserver.client.cli;
