package dev.flexfun.server.lifecycle;

import java.util.List;

/**
 * Initializes, on a background thread, the classes whose static set-up is slow and which the server
 * needs before its port opens, while the main thread sets up logging and reads the settings. Start-up
 * runs on one thread; on a 2-CPU container the other CPU would mostly wait. (Spring Boot's
 * {@code BackgroundPreinitializer} does the same for its own slow classes.)
 *
 * <p>Nothing here is required: a class that fails to initialize here fails again, with its cause,
 * where the server first uses it. The JVM's class initialization lock makes the main thread wait
 * for a class this thread is still initializing, never run it twice.
 *
 * <p>Only classes that do not log while they initialize belong here: this thread runs while SLF4J
 * is being set up on the main thread, and SLF4J records what other threads log meanwhile and replays
 * it with a warning that is not JSON. (Netty logs as it loads its native transport, so it is not here.)
 */
public final class StartupWarmUp {
    /**
     * What to initialize. Measured with {@code ./run-server.sh} on JDK 25 with its AOT cache, where
     * classes are loaded and linked ahead of time but static initializers still run, interpreted.
     */
    static final List<String> CLASSES = List.of(
            // Arrow's Schema builds a Jackson reader for itself in its static initializer (about 70 ms):
            // every function's schema constant, and so the function catalog, waited for it.
            "org.apache.arrow.vector.types.pojo.Schema");

    private StartupWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread; the caller goes on at once.
     *
     * @return the thread, for tests to wait on
     */
    public static Thread start() {
        Thread thread = new Thread(() -> run(CLASSES, StartupWarmUp.class.getClassLoader()), "flexfun-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Initializes {@code classes}, unless Arrow's JVM flags are missing (the server is about to say so and stop). */
    static void run(List<String> classes, ClassLoader loader) {
        try {
            ArrowJvmFlags.require();
        } catch (MissingJvmFlagsException stopping) {
            return;
        }
        for (String name : classes) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError ignored) {
                // Not there or broken: the server meets the same error where it uses the class, and reports it.
            }
        }
    }
}
