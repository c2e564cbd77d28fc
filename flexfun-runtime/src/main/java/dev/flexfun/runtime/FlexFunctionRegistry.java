package dev.flexfun.runtime;

import java.util.List;

/**
 * The service-provider interface of generated registries: one implementation per compilation
 * unit set (module), listed in {@code META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry}.
 * The server loads every registry on its class path with {@link java.util.ServiceLoader}.
 */
public interface FlexFunctionRegistry {

    /** {@return the functions of this module, in declaration order} */
    List<FlexFunction> functions();

    /** {@return the {@code @OnLoad} hooks of this module, in declaration order} */
    default List<OnLoadHook> onLoadHooks() {
        return List.of();
    }

    /** {@return the {@code @OnShutdown} hooks of this module, in declaration order} */
    default List<OnShutdownHook> onShutdownHooks() {
        return List.of();
    }
}
