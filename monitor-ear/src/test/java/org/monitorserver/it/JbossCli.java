package org.monitorserver.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code jboss-cli} command against a running test server's management interface, as an admin would:
 * {@code bin/jboss-cli.sh --connect --controller=127.0.0.1:PORT --command=...} of the server's own home, with the
 * local user's silent authentication.
 */
final class JbossCli {

    private JbossCli() {
    }

    /** Runs {@code command} on the server in {@code home} with management port {@code port}; returns its output. */
    static String run(Path home, int port, String command) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + port, "--command=" + command).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new IllegalStateException("jboss-cli " + command + " failed: " + output);
        }
        return output;
    }

    /** Runs {@code command} on the Arquillian-managed test server. */
    static String run(String command) throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("jboss.home")), Integer.getInteger("it.management.port"), command);
    }
}
