package dev.flexfun.runtime;

import java.util.Objects;

/**
 * A clean-up run once when the server stops, after the calls have drained and before the memory
 * check; a failure is logged and does not stop the other hooks.
 */
public interface OnShutdownHook {

    /** Where the hook comes from, e.g. {@code com.acme.Functions#close}, for logs. */
    String source();

    void run(ServerContext server) throws Exception;

    static OnShutdownHook of(String source, OnLoadHook.Action action) {
        Objects.requireNonNull(source);
        Objects.requireNonNull(action);
        return new OnShutdownHook() {
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
}
