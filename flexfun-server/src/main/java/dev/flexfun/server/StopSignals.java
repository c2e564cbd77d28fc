package dev.flexfun.server;

import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a call of {@code onStop}, so that the main thread closes the server
 * and exits with 0 (left to the JVM, a SIGTERM ends the process with 143).
 */
final class StopSignals {
    private StopSignals() {
    }

    @SuppressWarnings("removal")
    static void install(Runnable onStop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onStop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LoggerFactory.getLogger(StopSignals.class).debug("Cannot handle SIG{}; the shutdown hook will stop the server", name);
            }
        }
    }
}
