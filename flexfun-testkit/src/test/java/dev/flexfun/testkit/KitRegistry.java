package dev.flexfun.testkit;

import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.OnShutdownHook;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry of the kit's own tests, found by ServiceLoader (META-INF/services in test resources),
 * as a generated registry would be in a user's project.
 */
public final class KitRegistry implements FlexFunctionRegistry {
    static final AtomicInteger HOOK_RUNS = new AtomicInteger();
    static final AtomicInteger SHUTDOWN_HOOK_RUNS = new AtomicInteger();

    @Override
    public List<FlexFunction> functions() {
        return List.of(KitFunctions.count(), KitFunctions.types());
    }

    @Override
    public List<OnLoadHook> onLoadHooks() {
        return List.of(OnLoadHook.of(KitRegistry.class.getName() + "#count", server -> HOOK_RUNS.incrementAndGet()));
    }

    @Override
    public List<OnShutdownHook> onShutdownHooks() {
        return List.of(OnShutdownHook.of(KitRegistry.class.getName() + "#countShutdown",
                server -> SHUTDOWN_HOOK_RUNS.incrementAndGet()));
    }
}
