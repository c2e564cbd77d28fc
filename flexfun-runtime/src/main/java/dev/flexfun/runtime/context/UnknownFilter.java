package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A filter of a kind this version does not model, kept whole so a function can still read it.
 *
 * @param filterType the {@code filterType} as sent
 * @param raw the filter's JSON object, a private copy
 */
public record UnknownFilter(String filterType, JsonNode raw) implements Filter {
    /**
     * Checks the components.
     *
     * @param filterType the {@code filterType} as sent
     * @param raw the filter's JSON object, a private copy
     */
    public UnknownFilter {
        Objects.requireNonNull(filterType, "filterType");
        raw = raw.deepCopy();
    }

    /** {@return a copy of the raw JSON (the record keeps its own copy so it stays immutable)} */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }
}
