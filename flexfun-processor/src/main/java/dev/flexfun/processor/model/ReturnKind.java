package dev.flexfun.processor.model;

/** How a {@code @FlexFun} method returns its records. */
public enum ReturnKind {
    RECORD(true),
    LIST(true),
    COLLECTION(true),
    ITERABLE(true),
    ARRAY(true),
    ITERATOR(false),
    STREAM(false),
    /** A supported container without type argument, e.g. {@code List}. */
    RAW_CONTAINER(false),
    /** A supported container with a wildcard, e.g. {@code List<? extends Sale>}. */
    WILDCARD_CONTAINER(false),
    /** Anything else: not a record, nor a supported container of one. */
    UNSUPPORTED(false);

    private final boolean repeatable;

    ReturnKind(boolean repeatable) {
        this.repeatable = repeatable;
    }

    /** Whether the result can be read more than once (materialised rows). */
    public boolean isRepeatable() {
        return repeatable;
    }
}
