package dev.flexfun.runtime.context;

import java.util.Locale;
import java.util.Objects;

/**
 * Keeps the rows whose label value contains, starts with or ends with {@link #literal()}
 * (or, with {@link #negate()}, those that do not).
 *
 * @param negate whether the match is inverted (schema default false)
 * @param caseSensitive whether case matters (schema default false)
 */
public record MatchAttributeFilter(
        String labelIdentifier, MatchType matchType, String literal, boolean negate, boolean caseSensitive)
        implements LabelFilter {
    /** The {@code filterType} of this filter in the execution context. */
    public static final String TYPE = "matchAttributeFilter";

    /**
     * Checks that the label, the match type and the literal are present.
     *
     * @param labelIdentifier the label whose values are matched
     * @param matchType contains, starts with or ends with
     * @param literal the text to match
     * @param negate whether the match is inverted (schema default false)
     * @param caseSensitive whether case matters (schema default false)
     */
    public MatchAttributeFilter {
        Objects.requireNonNull(labelIdentifier, "labelIdentifier");
        Objects.requireNonNull(matchType, "matchType");
        Objects.requireNonNull(literal, "literal");
    }

    @Override
    public String filterType() {
        return TYPE;
    }

    /**
     * Applies the match to one value. A {@code null} value never matches (so a negated filter
     * accepts it). Case-insensitive matching folds case with {@link Locale#ROOT}.
     */
    @Override
    public boolean accepts(String value) {
        return matches(value) != negate;
    }

    private boolean matches(String value) {
        if (value == null) {
            return false;
        }
        String haystack = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        String needle = caseSensitive ? literal : literal.toLowerCase(Locale.ROOT);
        return switch (matchType) {
            case CONTAINS -> haystack.contains(needle);
            case STARTS_WITH -> haystack.startsWith(needle);
            case ENDS_WITH -> haystack.endsWith(needle);
        };
    }
}
