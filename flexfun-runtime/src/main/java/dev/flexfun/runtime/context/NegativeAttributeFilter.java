package dev.flexfun.runtime.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Drops the rows whose label value is one of {@link #values()}; an empty list keeps everything. */
public record NegativeAttributeFilter(String labelIdentifier, List<String> values) implements AttributeFilter {
    public static final String TYPE = "negativeAttributeFilter";

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
