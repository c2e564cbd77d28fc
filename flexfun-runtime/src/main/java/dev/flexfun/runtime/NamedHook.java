package dev.flexfun.runtime;

import java.util.Objects;

/** A hook made of a source name and an action: what {@link OnLoadHook#of} and {@link OnShutdownHook#of} return. */
record NamedHook(String source, OnLoadHook.Action action) implements OnLoadHook, OnShutdownHook {
    NamedHook {
        Objects.requireNonNull(source);
        Objects.requireNonNull(action);
    }

    @Override
    public void run(ServerContext server) throws Exception {
        action.run(server);
    }

    @Override
    public String toString() {
        return source;
    }
}
