package dev.flexfun.runtime;

/**
 * A clean-up run once when the server stops, after the calls have drained and before the memory
 * check; a failure is logged and does not stop the other hooks.
 */
public interface OnShutdownHook {

    /** {@return where the hook comes from, e.g. {@code com.acme.Functions#close}, for logs} */
    String source();

    /**
     * Runs the hook.
     *
     * @param server the settings and the health monitor
     * @throws Exception any failure, which is logged; the other hooks still run
     */
    void run(ServerContext server) throws Exception;

    /**
     * {@return a hook that runs {@code action}}
     *
     * @param source where the hook comes from, for logs
     * @param action what the hook does
     */
    static OnShutdownHook of(String source, OnLoadHook.Action action) {
        return new NamedHook(source, action);
    }
}
