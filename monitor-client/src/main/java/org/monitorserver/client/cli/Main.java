package org.monitorserver.client.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The entry point of {@code monitor-client-cli.jar}. */
public final class Main {

    private static final Logger QUIET = Logger.getLogger("org.glassfish.jersey.message.internal.MessagingBinders");

    private Main() {
    }

    /** Runs the command line and exits with its status (see {@link ExitCode}). */
    public static void main(String[] args) {
        // Jersey warns at start-up about optional providers a command line never uses (jakarta.activation).
        QUIET.setLevel(Level.SEVERE);
        System.exit(new CommandLine(System.out, System.err, System.getenv()).run(args));
    }
}
