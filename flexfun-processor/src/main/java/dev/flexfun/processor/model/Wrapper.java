package dev.flexfun.processor.model;

/** How a component wraps its value. */
public enum Wrapper {
    /** The value itself (a primitive or a reference). */
    NONE,
    /** {@code Optional<T>}: empty means null. */
    OPTIONAL,
    /** {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}: empty means null. */
    OPTIONAL_PRIMITIVE
}
