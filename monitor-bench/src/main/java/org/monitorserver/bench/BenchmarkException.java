package org.monitorserver.bench;

/**
 * A failure that ends the run with its message (and no stack trace): the server or the set-up is not as expected.
 * Not final: a scenario may mark its own checks ({@link RunFinishTiming.CheckFailed}) to fail only itself.
 */
class BenchmarkException extends RuntimeException {

    BenchmarkException(String message) {
        super(message);
    }
}
