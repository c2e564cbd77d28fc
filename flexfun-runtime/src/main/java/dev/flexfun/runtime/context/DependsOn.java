package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A parent filter of a label-elements request ({@code dependsOn}): only elements that the parent
 * filter does not filter out are returned. Either a label's values (depends-on.json) or a date
 * filter (depends-on-date-filter.json); {@link Unknown} keeps any other shape.
 */
public sealed interface DependsOn {

    /**
     * Elements related to these values of another label.
     *
     * @param values may contain {@code null} (the "empty" element); unmodifiable
     * @param complementFilter if true, related to the values NOT listed (schema default false)
     */
    record OnLabel(String label, List<String> values, boolean complementFilter) implements DependsOn {
        /**
         * Checks the label and copies the values.
         *
         * @param label the other label
         * @param values may contain {@code null} (the "empty" element); unmodifiable
         * @param complementFilter if true, related to the values NOT listed (schema default false)
         */
        public OnLabel {
            Objects.requireNonNull(label, "label");
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** Elements that have data inside a date filter; resolve its range with {@link ExecutionContext#dateRange}. */
    record OnDateFilter(DateFilter dateFilter) implements DependsOn {
        /**
         * Checks that the filter is present.
         *
         * @param dateFilter the date filter the elements must have data inside
         */
        public OnDateFilter {
            Objects.requireNonNull(dateFilter, "dateFilter");
        }
    }

    /** An entry of a shape this version does not model; {@link #raw()} returns a copy of its JSON. */
    record Unknown(JsonNode raw) implements DependsOn {
        /**
         * Copies the JSON.
         *
         * @param raw the entry's JSON, a private copy
         */
        public Unknown {
            raw = raw.deepCopy();
        }

        /** {@return a copy of the entry's JSON} */
        @Override
        public JsonNode raw() {
            return raw.deepCopy();
        }
    }

    /**
     * Reads one {@code dependsOn} entry.
     *
     * @param json the entry
     * @return the entry; {@link Unknown} for a shape this version does not know
     */
    static DependsOn parse(PathNode json) {
        json.requireObject();
        if (json.has("label")) {
            return new OnLabel(json.requiredText("label"), json.required("values").nullableStrings(),
                    json.optionalBoolean("complementFilter", false));
        }
        if (json.has("dateFilter")) {
            PathNode dateFilter = json.requiredObject("dateFilter");
            if (dateFilter.has("relativeDateFilter")) {
                return new OnDateFilter(Filters.relativeWithDataset(dateFilter.required("relativeDateFilter")));
            }
            if (dateFilter.has("absoluteDateFilter")) {
                return new OnDateFilter(Filters.absoluteWithDataset(dateFilter.required("absoluteDateFilter")));
            }
        }
        return new Unknown(json.json());
    }
}
