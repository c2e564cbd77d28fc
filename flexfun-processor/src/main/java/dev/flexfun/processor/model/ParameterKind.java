package dev.flexfun.processor.model;

/**
 * What a {@code @FlexFun} method parameter receives. Adding a kind means: recognise it in the
 * extractor, accept it in the validator, and say in the emitter which argument it gets.
 */
public enum ParameterKind {
    /** {@code dev.flexfun.runtime.CallContext}: the call itself. */
    CALL_CONTEXT,
    UNSUPPORTED
}
