package dev.flexfun.runtime.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Drops the rows whose label value is one of {@link #values()}; an empty list keeps everything. */
public record NegativeAttributeFilter(String labelIdentifier, List<String> values) implements AttributeFilter {
    /** The {@code filterType} of this filter in the execution context. */
    public static final String TYPE = "negativeAttributeFilter";

    /**
     * Checks the label and copies the values.
     *
     * @param labelIdentifier the label whose values are filtered
     * @param values the values to drop; may contain {@code null} (the empty element)
     */
    public NegativeAttributeFilter {
        Objects.requireNonNull(labelIdentifier, "labelIdentifier");
        values = Collections.unmodifiableList(new ArrayList<>(values)); // null elements are legal
    }

    @Override
    public String filterType() {
        return TYPE;
    }

    @Override
    public boolean isNegative() {
        return true;
    }
}
