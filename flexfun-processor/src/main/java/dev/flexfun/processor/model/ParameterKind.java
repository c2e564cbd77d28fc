package dev.flexfun.processor.model;

/**
 * What a {@code @FlexFun} method parameter receives. Adding a kind means: recognise it in the
 * extractor, accept it in the validator, and say in the emitter which argument it gets.
 */
public enum ParameterKind {
    /** {@code dev.flexfun.runtime.CallContext}: the call itself. */
    CALL_CONTEXT,
    /** {@code ExecutionContext}: required, the call fails with BAD_ARGUMENT without one. */
    EXECUTION_CONTEXT,
    /** {@code Optional<ExecutionContext>}: empty when the call has none. */
    OPTIONAL_EXECUTION_CONTEXT,
    /** {@code @Param("name") T}: bound from {@code parameters.name}; see {@link ParamModel}. */
    PARAM,
    /** {@code @Columns Set<String>}: the columns the call needs. */
    COLUMNS,
    /** {@code @Headers Map<String, List<String>>}: the call's headers. */
    HEADERS,
    /** Anything else; the validator says why. */
    UNSUPPORTED
}
