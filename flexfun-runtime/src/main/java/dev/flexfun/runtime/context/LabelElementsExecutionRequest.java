package dev.flexfun.runtime.context;

import dev.flexfun.runtime.BadArgumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request for the elements (distinct values) of one label (label-elements/execution-request.json),
 * e.g. to fill an attribute filter's drop-down.
 *
 * @param label the label whose elements to return
 * @param offset how many elements to skip (at least 0)
 * @param limit the most elements to return (at least 1)
 * @param excludePrimaryLabel true: distinct values of the requested label; false: distinct primary label values
 * @param exactFilter only elements equal to one of these values; empty when absent; may contain {@code null}
 * @param patternFilter only elements matching this pattern (the search box text)
 * @param complementFilter invert {@code exactFilter} / {@code patternFilter}
 * @param dependsOn parent filters the elements must pass
 * @param validateBy items the elements must have data for
 * @param filterBy which label the filters apply to; sent by GoodData, not in the schema
 */
public record LabelElementsExecutionRequest(
        String label,
        OptionalInt offset,
        OptionalInt limit,
        boolean excludePrimaryLabel,
        List<String> exactFilter,
        Optional<String> patternFilter,
        boolean complementFilter,
        List<DependsOn> dependsOn,
        List<ValidateByItem> validateBy,
        Optional<FilterBy> filterBy) {

    /**
     * Checks the components.
     *
     * @param label the label whose elements to return
     * @param offset how many elements to skip (at least 0)
     * @param limit the most elements to return (at least 1)
     * @param excludePrimaryLabel true: distinct values of the requested label; false: distinct
     *     primary label values
     * @param exactFilter only elements equal to one of these values; empty when absent; may contain
     *     {@code null}
     * @param patternFilter only elements matching this pattern (the search box text)
     * @param complementFilter invert {@code exactFilter} / {@code patternFilter}
     * @param dependsOn parent filters the elements must pass
     * @param validateBy items the elements must have data for
     * @param filterBy which label the filters apply to; sent by GoodData, not in the schema
     */
    public LabelElementsExecutionRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(limit, "limit");
        exactFilter = Collections.unmodifiableList(new ArrayList<>(exactFilter)); // null elements are legal
        Objects.requireNonNull(patternFilter, "patternFilter");
        dependsOn = List.copyOf(dependsOn);
        validateBy = List.copyOf(validateBy);
        Objects.requireNonNull(filterBy, "filterBy");
    }

    /**
     * {@code filterBy} as GoodData sends it, e.g. {@code {"labelType": "REQUESTED"}}: whether the
     * filters apply to the requested label or the attribute's primary label. Kept as text because the
     * schema does not list its values.
     */
    public record FilterBy(Optional<String> labelType) {
        /**
         * Checks that the component is not null (an absent label type is an empty {@code Optional}).
         *
         * @param labelType e.g. {@code REQUESTED} or {@code PRIMARY}, as sent
         */
        public FilterBy {
            Objects.requireNonNull(labelType, "labelType");
        }
    }

    static LabelElementsExecutionRequest parse(PathNode json) {
        json.requireObject();
        OptionalInt offset = json.optionalInt("offset");
        if (offset.isPresent() && offset.getAsInt() < 0) {
            throw new BadArgumentException(json.path() + ".offset must be at least 0, found " + offset.getAsInt() + ".");
        }
        OptionalInt limit = json.optionalInt("limit");
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new BadArgumentException(json.path() + ".limit must be at least 1, found " + limit.getAsInt() + ".");
        }
        return new LabelElementsExecutionRequest(
                json.requiredText("label"),
                offset,
                limit,
                json.optionalBoolean("excludePrimaryLabel", false),
                json.optional("exactFilter").map(PathNode::nullableStrings).orElse(List.of()),
                json.optionalText("patternFilter"),
                json.optionalBoolean("complementFilter", false),
                json.optionalList("dependsOn", DependsOn::parse),
                json.optionalList("validateBy", ValidateByItem::parse),
                json.optionalObject("filterBy").map(f -> new FilterBy(f.optionalText("labelType"))));
    }
}
