package dev.flexfun.runtime;

/** A one-time initialiser run at server startup, before any call; a failure stops the startup. */
public interface OnLoadHook {

    /** {@return where the hook comes from, e.g. {@code com.acme.Functions#init}, for logs and errors} */
    String source();

    /**
     * Runs the hook.
     *
     * @param server the settings and the health monitor
     * @throws Exception any failure, which stops the server's startup
     */
    void run(ServerContext server) throws Exception;

    /**
     * {@return a hook that runs {@code action}}
     *
     * @param source where the hook comes from, for logs and errors
     * @param action what the hook does
     */
    static OnLoadHook of(String source, Action action) {
        return new NamedHook(source, action);
    }

    /** The body of a hook. */
    @FunctionalInterface
    interface Action {
        /**
         * Runs the hook's body.
         *
         * @param server the settings and the health monitor
         * @throws Exception any failure, which stops the server's startup
         */
        void run(ServerContext server) throws Exception;
    }
}
