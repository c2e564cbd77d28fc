package dev.flexfun.runtime;

/** A one-time initialiser run at server startup, before any call; a failure stops the startup. */
public interface OnLoadHook {

    /** Where the hook comes from, e.g. {@code com.acme.Functions#init}, for logs and errors. */
    String source();

    void run(ServerContext server) throws Exception;

    static OnLoadHook of(String source, Action action) {
        java.util.Objects.requireNonNull(source);
        java.util.Objects.requireNonNull(action);
        return new OnLoadHook() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public void run(ServerContext server) throws Exception {
                action.run(server);
            }

            @Override
            public String toString() {
                return source;
            }
        };
    }

    /** The body of a hook. */
    @FunctionalInterface
    interface Action {
        void run(ServerContext server) throws Exception;
    }
}
