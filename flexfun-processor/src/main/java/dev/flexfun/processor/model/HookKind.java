package dev.flexfun.processor.model;

/** When a lifecycle hook runs; each kind has its annotation, its runtime type and its registry method. */
public enum HookKind {
    ON_LOAD("@OnLoad", "OnLoadHook", "onLoadHooks"),
    ON_SHUTDOWN("@OnShutdown", "OnShutdownHook", "onShutdownHooks");

    private final String annotation;
    private final String runtimeType;
    private final String registryMethod;

    HookKind(String annotation, String runtimeType, String registryMethod) {
        this.annotation = annotation;
        this.runtimeType = runtimeType;
        this.registryMethod = registryMethod;
    }

    /** The annotation as written, for error messages. */
    public String annotation() {
        return annotation;
    }

    /** The simple name of the hook's type in the runtime package. */
    public String runtimeType() {
        return runtimeType;
    }

    /** The registry method that lists the hooks of this kind. */
    public String registryMethod() {
        return registryMethod;
    }
}
