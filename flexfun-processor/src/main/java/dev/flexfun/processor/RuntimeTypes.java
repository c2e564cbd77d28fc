package dev.flexfun.processor;

/**
 * Names of the runtime types ({@code dev.flexfun.runtime}) the processor recognises and generated
 * code uses. The processor does not depend on the runtime: it is only on the user's class path.
 */
public final class RuntimeTypes {
    public static final String RUNTIME_PACKAGE = "dev.flexfun.runtime";
    public static final String VECTOR_PACKAGE = "dev.flexfun.runtime.vector";
    public static final String FLEX_FUNCTION = RUNTIME_PACKAGE + ".FlexFunction";
    public static final String FLEX_FUNCTION_REGISTRY = RUNTIME_PACKAGE + ".FlexFunctionRegistry";
    public static final String CALL_CONTEXT = RUNTIME_PACKAGE + ".CallContext";
    public static final String SERVER_CONTEXT = RUNTIME_PACKAGE + ".ServerContext";
    public static final String CONTEXT_PACKAGE = RUNTIME_PACKAGE + ".context";
    public static final String EXECUTION_CONTEXT = CONTEXT_PACKAGE + ".ExecutionContext";
    public static final String PARAMETER_BINDER = RUNTIME_PACKAGE + ".ParameterBinder";

    private RuntimeTypes() {
    }
}
