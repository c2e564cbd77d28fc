package dev.flexfun.runtime.context;

import java.util.Locale;

/** Reads the filters of filter.json and the date filters of label-elements' {@code dependsOn}. */
final class Filters {
    private Filters() {
    }

    /** One entry of {@code filters}; an unknown {@code filterType} becomes an {@link UnknownFilter}. */
    static Filter parse(PathNode json) {
        json.requireObject();
        String type = json.requiredText("filterType");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "positiveattributefilter" -> new PositiveAttributeFilter(
                    json.requiredText("labelIdentifier"), json.required("values").nullableStrings());
            case "negativeattributefilter" -> new NegativeAttributeFilter(
                    json.requiredText("labelIdentifier"), json.required("values").nullableStrings());
            case "matchattributefilter" -> new MatchAttributeFilter(
                    json.requiredText("labelIdentifier"),
                    json.requiredEnum("matchType", MatchType.class),
                    json.requiredText("literal"),
                    json.optionalBoolean("negate", false),
                    json.optionalBoolean("caseSensitive", false));
            case "relativedatefilter" -> new RelativeDateFilter(
                    json.requiredInt("from"),
                    json.requiredInt("to"),
                    json.requiredEnum("granularity", DateGranularity.class),
                    json.requiredText("datasetIdentifier"));
            case "absolutedatefilter" -> absolute(json, json.requiredText("datasetIdentifier"));
            default -> new UnknownFilter(type, json.json());
        };
    }

    /** {@code {"from":..,"to":..,"granularity":..,"dataset":{"id":..,"type":"dataset"}}} of depends-on-date-filter.json. */
    static RelativeDateFilter relativeWithDataset(PathNode json) {
        json.requireObject();
        return new RelativeDateFilter(
                json.requiredInt("from"),
                json.requiredInt("to"),
                json.requiredEnum("granularity", DateGranularity.class),
                datasetId(json));
    }

    /** {@code {"from":..,"to":..,"dataset":{"id":..,"type":"dataset"}}} of depends-on-date-filter.json. */
    static AbsoluteDateFilter absoluteWithDataset(PathNode json) {
        json.requireObject();
        return absolute(json, datasetId(json));
    }

    private static String datasetId(PathNode json) {
        PathNode dataset = json.requiredObject("dataset");
        dataset.requiredText("type"); // always "dataset"; required by the schema
        return dataset.requiredText("id");
    }

    private static AbsoluteDateFilter absolute(PathNode json, String datasetIdentifier) {
        PathNode from = json.required("from");
        PathNode to = json.required("to");
        // Validated here first so an error names the full JSON path.
        AbsoluteDateFilter.parse(from.text(), from.path());
        AbsoluteDateFilter.parse(to.text(), to.path());
        return new AbsoluteDateFilter(from.text(), to.text(), datasetIdentifier);
    }
}
