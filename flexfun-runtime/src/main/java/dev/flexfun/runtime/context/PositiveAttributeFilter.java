package dev.flexfun.runtime.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Keeps only the rows whose label value is one of {@link #values()}; an empty list keeps nothing. */
public record PositiveAttributeFilter(String labelIdentifier, List<String> values) implements AttributeFilter {
    /** The {@code filterType} of this filter in the execution context. */
    public static final String TYPE = "positiveAttributeFilter";

    /**
     * Checks the label and copies the values.
     *
     * @param labelIdentifier the label whose values are filtered
     * @param values the values to keep; may contain {@code null} (the empty element)
     */
    public PositiveAttributeFilter {
        Objects.requireNonNull(labelIdentifier, "labelIdentifier");
        values = Collections.unmodifiableList(new ArrayList<>(values)); // null elements are legal
    }

    @Override
    public String filterType() {
        return TYPE;
    }

    @Override
    public boolean isNegative() {
        return false;
    }
}
