package dev.flexfun.server;

import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.OnShutdownHook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The functions a server serves, by name, in registration order, with their on-load and shutdown hooks. */
public final class FunctionCatalog {
    /**
     * What to check when no registry is found: the usual cause is a build without the processor, which
     * compiles fine and generates nothing. The server logs it; the test kit fails calls with it.
     */
    public static final String NO_REGISTRY_HINT = "No FlexFun registry (META-INF/services/"
            + "dev.flexfun.runtime.FlexFunctionRegistry) is on the class path, so no @FlexFun function is served. "
            + "The build that compiled your functions must run the annotation processor: add dev.flexfun:"
            + "flexfun-processor to maven-compiler-plugin's <annotationProcessorPaths> (Gradle: the "
            + "annotationProcessor configuration); see the README, \"Registration is automatic\".";
    private final Map<String, FlexFunction> functions = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<OnLoadHook> hooks = new ArrayList<>();
    private final List<OnShutdownHook> shutdownHooks = new ArrayList<>();

    /** The registries the current thread's context class loader (usually the class path) sees. */
    public static List<FlexFunctionRegistry> discoverRegistries() {
        return discoverRegistries(contextClassLoader());
    }

    /** The current thread's context class loader, or this class's loader when there is none. */
    static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : FunctionCatalog.class.getClassLoader();
    }

    /** The registries listed in {@code META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry}. */
    public static List<FlexFunctionRegistry> discoverRegistries(ClassLoader loader) {
        List<FlexFunctionRegistry> registries = new ArrayList<>();
        ServiceLoader.load(FlexFunctionRegistry.class, loader).forEach(registries::add);
        return registries;
    }

    /** Adds a registry's functions and hooks; the registry's class names it in errors. */
    public FunctionCatalog add(FlexFunctionRegistry registry) {
        String source = registry.getClass().getName();
        for (FlexFunction function : registry.functions()) {
            add(function, source);
        }
        hooks.addAll(registry.onLoadHooks());
        shutdownHooks.addAll(registry.onShutdownHooks());
        return this;
    }

    /**
     * @throws IllegalStateException when a function of that name is already served, naming both sources
     */
    public FunctionCatalog add(FlexFunction function, String source) {
        String name = function.name();
        if (name == null || name.isEmpty()) {
            throw new IllegalStateException("A function from " + source + " has no name.");
        }
        String existing = sources.get(name);
        if (existing != null) {
            throw new IllegalStateException("Function '" + name + "' is defined twice: by " + existing + " and by "
                    + source + ". Function names must be unique; rename one of them.");
        }
        functions.put(name, function);
        sources.put(name, source);
        return this;
    }

    public FunctionCatalog addHook(OnLoadHook hook) {
        hooks.add(hook);
        return this;
    }

    public FunctionCatalog addShutdownHook(OnShutdownHook hook) {
        shutdownHooks.add(hook);
        return this;
    }

    public Optional<FlexFunction> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public Collection<FlexFunction> functions() {
        return functions.values();
    }

    public List<OnLoadHook> hooks() {
        return List.copyOf(hooks);
    }

    /** The {@code @OnShutdown} hooks, in registration order. */
    public List<OnShutdownHook> shutdownHooks() {
        return List.copyOf(shutdownHooks);
    }

    /** Where a function comes from (its registry's class, or what the builder was told). */
    public String sourceOf(String name) {
        return sources.get(name);
    }
}
