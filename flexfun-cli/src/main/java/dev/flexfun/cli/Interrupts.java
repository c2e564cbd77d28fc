package dev.flexfun.cli;

/** Where Ctrl-C (SIGINT, or SIGTERM) is heard while a call runs. */
@FunctionalInterface
public interface Interrupts {

    /**
     * Runs {@code action} on Ctrl-C until the returned registration is closed.
     *
     * @param action what to do on Ctrl-C
     * @return the registration; closing it stops listening
     */
    Registration onInterrupt(Runnable action);

    /** Stops listening. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A JVM shutdown hook: on Ctrl-C the JVM runs it and exits (status 130) once it returns, so the
     * action does its work (telling the server to stop the call) before it returns.
     *
     * @return interrupts heard through JVM shutdown hooks
     */
    static Interrupts shutdownHook() {
        return action -> {
            Thread hook = new Thread(action, "flexfun-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: nothing left to remove
                }
            };
        };
    }
}
