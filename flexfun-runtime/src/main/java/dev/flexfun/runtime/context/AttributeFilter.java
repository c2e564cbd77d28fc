package dev.flexfun.runtime.context;

import java.util.List;

/**
 * A filter by a list of label values: {@link PositiveAttributeFilter} keeps exactly those values
 * (the AFM's {@code in}), {@link NegativeAttributeFilter} keeps all others (the AFM's {@code notIn}).
 */
public sealed interface AttributeFilter extends LabelFilter
        permits PositiveAttributeFilter, NegativeAttributeFilter {

    /**
     * {@return the listed values, in the order sent} They may contain {@code null}, which stands
     * for the
     * "empty" (null) element. Unmodifiable.
     */
    List<String> values();

    /** {@return true for a negative (exclude the values) filter} */
    boolean isNegative();

    @Override
    default boolean accepts(String value) {
        return values().contains(value) != isNegative();
    }
}
