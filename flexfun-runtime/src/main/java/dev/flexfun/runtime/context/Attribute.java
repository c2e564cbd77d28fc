package dev.flexfun.runtime.context;

import java.util.Objects;
import java.util.Optional;

/**
 * An attribute the execution asks for (attribute.json), by the label whose values the function returns.
 *
 * @param dateGranularity the granularity when the attribute is a date attribute
 * @param sorting how the caller sorts by this attribute, when it does
 */
public record Attribute(
        String attributeIdentifier,
        String attributeTitle,
        String labelIdentifier,
        String labelTitle,
        Optional<DateGranularity> dateGranularity,
        Optional<Sorting> sorting) {

    /**
     * Checks that the identifiers are present.
     *
     * @param attributeIdentifier the attribute's id
     * @param attributeTitle the attribute's title
     * @param labelIdentifier the label whose values the function returns
     * @param labelTitle the label's title
     * @param dateGranularity the granularity when the attribute is a date attribute
     * @param sorting how the caller sorts by this attribute, when it does
     */
    public Attribute {
        Objects.requireNonNull(attributeIdentifier, "attributeIdentifier");
        Objects.requireNonNull(attributeTitle, "attributeTitle");
        Objects.requireNonNull(labelIdentifier, "labelIdentifier");
        Objects.requireNonNull(labelTitle, "labelTitle");
        Objects.requireNonNull(dateGranularity, "dateGranularity");
        Objects.requireNonNull(sorting, "sorting");
    }

    /** Sorting by a column of the result. */
    public record Sorting(String sortColumn, SortDirection sortDirection) {
        /**
         * Checks that both parts are present.
         *
         * @param sortColumn the column sorted by
         * @param sortDirection ascending or descending
         */
        public Sorting {
            Objects.requireNonNull(sortColumn, "sortColumn");
            Objects.requireNonNull(sortDirection, "sortDirection");
        }
    }

    static Attribute parse(PathNode json) {
        json.requireObject();
        return new Attribute(
                json.requiredText("attributeIdentifier"),
                json.requiredText("attributeTitle"),
                json.requiredText("labelIdentifier"),
                json.requiredText("labelTitle"),
                json.optionalEnum("dateGranularity", DateGranularity.class),
                json.optionalObject("sorting").map(s -> new Sorting(
                        s.requiredText("sortColumn"), s.requiredEnum("sortDirection", SortDirection.class))));
    }
}
