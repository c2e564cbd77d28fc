package dev.flexfun.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.context.AbsoluteDateFilter;
import dev.flexfun.runtime.context.DateGranularity;
import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.runtime.context.ExecutionType;
import dev.flexfun.runtime.context.MatchAttributeFilter;
import dev.flexfun.runtime.context.MatchType;
import dev.flexfun.runtime.context.NegativeAttributeFilter;
import dev.flexfun.runtime.context.PositiveAttributeFilter;
import dev.flexfun.runtime.context.RelativeDateFilter;
import dev.flexfun.runtime.context.ValidateByItem;
import dev.flexfun.runtime.context.WeekStart;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * GoodData execution contexts for tests, written in code instead of copied JSON. The builder writes
 * the JSON GoodData sends ({@code parameters.executionContext}, execution-context.json) and
 * {@link #build()} reads it back with the runtime's own parser, so a function sees exactly what a
 * real call gives it:
 *
 * <pre>{@code
 * ExecutionContext context = ExecutionContextBuilder.report()
 *         .attribute("region", "Region")
 *         .positiveFilter("region", "EMEA", "APAC")
 *         .relativeDateFilter("date", DateGranularity.MONTH, -2, 0)
 *         .build();
 * CallContext call = CallContext.builder().executionContext(context).build();
 * }</pre>
 *
 * <p>A report context starts as GoodData's would: organization {@code default}, workspace
 * {@code workspace}, user {@code demo}, "now" ({@code timestamp}) the current second in UTC, time
 * zone {@code Etc/UTC}, week start Sunday, no attributes or filters; its report request (the AFM)
 * lists the same attributes and filters. A label-elements context asks for the elements of one label.
 * {@link #fromJson} starts from a payload captured from GoodData instead.
 */
public final class ExecutionContextBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT_REQUEST = "reportExecutionRequest";
    private static final String LABEL_REQUEST = "labelElementsExecutionRequest";

    private final ObjectNode json;

    private ExecutionContextBuilder(ObjectNode json) {
        this.json = json;
    }

    /**
     * {@return a REPORT context: what GoodData sends when a report (insight, dashboard widget,
     * export) is computed}
     */
    public static ExecutionContextBuilder report() {
        ObjectNode json = common(ExecutionType.REPORT);
        ObjectNode afm = json.putObject(REPORT_REQUEST);
        afm.putArray("attributes");
        afm.putArray("filters");
        afm.putArray("measures");
        afm.putArray("auxMeasures");
        return new ExecutionContextBuilder(json);
    }

    /**
     * A LABEL_ELEMENTS context: GoodData asks for the distinct values of {@code label} (an attribute
     * filter's drop-down). The label is also the context's attribute, as GoodData sends it.
     *
     * @param label the label whose elements are asked for
     * @return the builder
     */
    public static ExecutionContextBuilder labelElements(String label) {
        ObjectNode json = common(ExecutionType.LABEL_ELEMENTS);
        json.putObject(LABEL_REQUEST).put("label", Objects.requireNonNull(label, "label"));
        return new ExecutionContextBuilder(json).attribute(label, label);
    }

    /**
     * Starts from GoodData's JSON (the {@code executionContext} object, e.g. captured from a real call).
     *
     * @param executionContextJson the {@code executionContext} object as JSON text
     * @return the builder
     * @throws dev.flexfun.runtime.BadArgumentException when the runtime would reject it, naming the field
     */
    public static ExecutionContextBuilder fromJson(String executionContextJson) {
        try {
            return fromJson(JSON.readTree(executionContextJson));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The execution context is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Like {@link #fromJson(String)}, from a JSON tree (copied).
     *
     * @param executionContext the {@code executionContext} object
     * @return the builder
     * @throws dev.flexfun.runtime.BadArgumentException when the runtime would reject it, naming the
     *     field
     */
    public static ExecutionContextBuilder fromJson(JsonNode executionContext) {
        ExecutionContext.parse(executionContext); // fail here, naming the field, rather than in the function
        return new ExecutionContextBuilder(((ObjectNode) executionContext).deepCopy());
    }

    private static ObjectNode common(ExecutionType type) {
        ObjectNode json = JSON.createObjectNode();
        json.put("executionType", type.name());
        json.put("organizationId", "default");
        json.put("workspaceId", "workspace");
        json.put("userId", "demo");
        json.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("timezone", "Etc/UTC");
        json.put("weekStart", WeekStart.SUNDAY.name());
        json.putArray("attributes");
        json.putArray("filters");
        return json;
    }

    // ---- who and when ----

    /**
     * Sets the organization.
     *
     * @param organizationId the organization's id
     * @return this builder
     */
    public ExecutionContextBuilder organization(String organizationId) {
        json.put("organizationId", Objects.requireNonNull(organizationId));
        return this;
    }

    /**
     * Sets the workspace.
     *
     * @param workspaceId the workspace's id
     * @return this builder
     */
    public ExecutionContextBuilder workspace(String workspaceId) {
        json.put("workspaceId", Objects.requireNonNull(workspaceId));
        return this;
    }

    /**
     * Sets the user the execution runs for.
     *
     * @param userId the user's id
     * @return this builder
     */
    public ExecutionContextBuilder user(String userId) {
        json.put("userId", Objects.requireNonNull(userId));
        return this;
    }

    /**
     * "Now" for relative date filters; set it to make a test independent of the day it runs.
     *
     * @param timestamp the moment
     * @return this builder
     */
    public ExecutionContextBuilder timestamp(OffsetDateTime timestamp) {
        json.put("timestamp", timestamp.toString());
        return this;
    }

    /**
     * {@link #timestamp(OffsetDateTime)} from ISO-8601 text, e.g. {@code
     * 2024-03-15T10:00:00+01:00}.
     *
     * @param timestamp the moment as ISO-8601 text
     * @return this builder
     */
    public ExecutionContextBuilder timestamp(String timestamp) {
        return timestamp(OffsetDateTime.parse(timestamp));
    }

    /**
     * Sets the time zone dates are read in.
     *
     * @param timezone the zone
     * @return this builder
     */
    public ExecutionContextBuilder timezone(ZoneId timezone) {
        json.put("timezone", timezone.getId());
        return this;
    }

    /**
     * Sets the time zone dates are read in.
     *
     * @param timezone the zone's id, e.g. {@code Europe/Prague}
     * @return this builder
     */
    public ExecutionContextBuilder timezone(String timezone) {
        return timezone(ZoneId.of(timezone));
    }

    /**
     * Sets the first day of the week.
     *
     * @param weekStart Sunday or Monday
     * @return this builder
     */
    public ExecutionContextBuilder weekStart(WeekStart weekStart) {
        json.put("weekStart", weekStart.name());
        return this;
    }

    // ---- attributes ----

    /**
     * An attribute read through its label, the label's id doubling as the attribute's (common in
     * GoodData models).
     *
     * @param labelIdentifier the label (and attribute) id
     * @param title the label's (and attribute's) title
     * @return this builder
     */
    public ExecutionContextBuilder attribute(String labelIdentifier, String title) {
        return attribute(labelIdentifier, title, labelIdentifier, title);
    }

    /**
     * An attribute read through one of its labels.
     *
     * @param attributeIdentifier the attribute's id
     * @param attributeTitle the attribute's title
     * @param labelIdentifier the label's id
     * @param labelTitle the label's title
     * @return this builder
     */
    public ExecutionContextBuilder attribute(String attributeIdentifier, String attributeTitle, String labelIdentifier,
            String labelTitle) {
        addAttribute(attributeIdentifier, attributeTitle, labelIdentifier, labelTitle);
        return this;
    }

    /**
     * A date attribute, e.g. {@code dateAttribute("date.month", "Date - Month",
     * DateGranularity.MONTH)}.
     *
     * @param labelIdentifier the label (and attribute) id
     * @param title the title
     * @param granularity the date granularity
     * @return this builder
     */
    public ExecutionContextBuilder dateAttribute(String labelIdentifier, String title, DateGranularity granularity) {
        addAttribute(labelIdentifier, title, labelIdentifier, title).put("dateGranularity", granularity.name());
        return this;
    }

    private ObjectNode addAttribute(String attributeIdentifier, String attributeTitle, String labelIdentifier,
            String labelTitle) {
        ObjectNode attribute = json.withArray("attributes").addObject()
                .put("attributeIdentifier", Objects.requireNonNull(attributeIdentifier))
                .put("attributeTitle", Objects.requireNonNull(attributeTitle))
                .put("labelIdentifier", Objects.requireNonNull(labelIdentifier))
                .put("labelTitle", Objects.requireNonNull(labelTitle));
        afm().ifPresent(afm -> afm.withArray("attributes").addObject()
                .put("localIdentifier", "a_" + labelIdentifier)
                .put("showAllValues", false)
                .set("label", identifier(labelIdentifier, "label")));
        return attribute;
    }

    // ---- filters ----

    /**
     * Only rows whose {@code label} is one of {@code values} ({@code null} stands for the empty
     * value).
     *
     * @param labelIdentifier the label
     * @param values the values to keep
     * @return this builder
     */
    public ExecutionContextBuilder positiveFilter(String labelIdentifier, String... values) {
        attributeFilter(PositiveAttributeFilter.TYPE, "in", labelIdentifier, values);
        return this;
    }

    /**
     * Rows whose {@code label} is none of {@code values}.
     *
     * @param labelIdentifier the label
     * @param values the values to drop
     * @return this builder
     */
    public ExecutionContextBuilder negativeFilter(String labelIdentifier, String... values) {
        attributeFilter(NegativeAttributeFilter.TYPE, "notIn", labelIdentifier, values);
        return this;
    }

    private void attributeFilter(String type, String afmValuesKey, String labelIdentifier, String... values) {
        ObjectNode filter = filter(type).put("labelIdentifier", Objects.requireNonNull(labelIdentifier));
        strings(filter.putArray("values"), values);
        afm().ifPresent(afm -> {
            ObjectNode body = afm.withArray("filters").addObject().putObject(type);
            body.set("label", identifier(labelIdentifier, "label"));
            strings(body.putObject(afmValuesKey).putArray("values"), values);
        });
    }

    /**
     * Rows whose {@code label} matches {@code literal} (case-insensitive, not negated, as GoodData
     * defaults).
     *
     * @param labelIdentifier the label
     * @param matchType contains, starts with or ends with
     * @param literal the text to match
     * @return this builder
     */
    public ExecutionContextBuilder matchFilter(String labelIdentifier, MatchType matchType, String literal) {
        return matchFilter(labelIdentifier, matchType, literal, false, false);
    }

    /**
     * Rows whose {@code label} matches {@code literal}.
     *
     * @param labelIdentifier the label
     * @param matchType contains, starts with or ends with
     * @param literal the text to match
     * @param negate whether the match is inverted
     * @param caseSensitive whether case matters
     * @return this builder
     */
    public ExecutionContextBuilder matchFilter(String labelIdentifier, MatchType matchType, String literal,
            boolean negate, boolean caseSensitive) {
        filter(MatchAttributeFilter.TYPE).put("labelIdentifier", Objects.requireNonNull(labelIdentifier))
                .put("matchType", matchType.name()).put("literal", Objects.requireNonNull(literal))
                .put("negate", negate).put("caseSensitive", caseSensitive);
        return this;
    }

    /**
     * Dates of {@code dataset} from {@code from} to {@code to} periods relative to now, e.g. the last
     * three months including this one: {@code relativeDateFilter("date", MONTH, -2, 0)}.
     *
     * @param datasetIdentifier the date dataset
     * @param granularity the period
     * @param from the first period, relative to the current one (0)
     * @param to the last period, included
     * @return this builder
     */
    public ExecutionContextBuilder relativeDateFilter(String datasetIdentifier, DateGranularity granularity, int from,
            int to) {
        relativeDate(filter(RelativeDateFilter.TYPE), granularity, from, to)
                .put("datasetIdentifier", Objects.requireNonNull(datasetIdentifier));
        afm().ifPresent(afm -> relativeDate(afmDateFilter(afm, RelativeDateFilter.TYPE, datasetIdentifier),
                granularity, from, to));
        return this;
    }

    /**
     * Dates of {@code dataset} from {@code from} to {@code to}, both included.
     *
     * @param datasetIdentifier the date dataset
     * @param from the first day
     * @param to the last day
     * @return this builder
     */
    public ExecutionContextBuilder absoluteDateFilter(String datasetIdentifier, LocalDate from, LocalDate to) {
        return absoluteDateFilter(datasetIdentifier, from.toString(), to.toString());
    }

    /**
     * Like {@link #absoluteDateFilter(String, LocalDate, LocalDate)}, as GoodData writes them:
     * {@code 2024-01-31} or {@code 2024-01-31 13:00}.
     *
     * @param datasetIdentifier the date dataset
     * @param from the first day (or minute)
     * @param to the last day (or minute)
     * @return this builder
     */
    public ExecutionContextBuilder absoluteDateFilter(String datasetIdentifier, String from, String to) {
        filter(AbsoluteDateFilter.TYPE).put("from", from).put("to", to)
                .put("datasetIdentifier", Objects.requireNonNull(datasetIdentifier));
        afm().ifPresent(afm -> afmDateFilter(afm, AbsoluteDateFilter.TYPE, datasetIdentifier).put("from", from)
                .put("to", to));
        return this;
    }

    private ObjectNode filter(String type) {
        return json.withArray("filters").addObject().put("filterType", type);
    }

    private static ObjectNode relativeDate(ObjectNode filter, DateGranularity granularity, int from, int to) {
        return filter.put("from", from).put("to", to).put("granularity", granularity.name());
    }

    private static ObjectNode afmDateFilter(ObjectNode afm, String type, String datasetIdentifier) {
        ObjectNode body = afm.withArray("filters").addObject().putObject(type);
        body.set("dataset", identifier(datasetIdentifier, "dataset"));
        return body;
    }

    // ---- the label-elements request ----

    /**
     * The most elements to return (at least 1).
     *
     * @param limit the most elements
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder limit(int limit) {
        labelRequest("limit").put("limit", limit);
        return this;
    }

    /**
     * How many elements to skip.
     *
     * @param offset how many to skip
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder offset(int offset) {
        labelRequest("offset").put("offset", offset);
        return this;
    }

    /**
     * Only elements matching the text typed in the drop-down's search box.
     *
     * @param pattern the search text
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder patternFilter(String pattern) {
        labelRequest("patternFilter").put("patternFilter", pattern);
        return this;
    }

    /**
     * Only elements equal to one of {@code values}.
     *
     * @param values the values
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder exactFilter(String... values) {
        strings(labelRequest("exactFilter").putArray("exactFilter"), values);
        return this;
    }

    /**
     * Inverts the exact and pattern filters.
     *
     * @param complement whether to invert
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder complementFilter(boolean complement) {
        labelRequest("complementFilter").put("complementFilter", complement);
        return this;
    }

    /**
     * Whether the distinct values are those of the requested label ({@code true}) or of the
     * attribute's
     * primary label.
     *
     * @param exclude {@code true} for the requested label's values
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder excludePrimaryLabel(boolean exclude) {
        labelRequest("excludePrimaryLabel").put("excludePrimaryLabel", exclude);
        return this;
    }

    /**
     * Only elements not filtered out by a parent filter on {@code label} ({@code complement}:
     * values excluded).
     *
     * @param label the parent filter's label
     * @param complement whether the listed values are excluded rather than kept
     * @param values the parent filter's values
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder dependsOn(String label, boolean complement, String... values) {
        ObjectNode parent = labelRequest("dependsOn").withArray("dependsOn").addObject()
                .put("label", Objects.requireNonNull(label));
        strings(parent.putArray("values"), values);
        parent.put("complementFilter", complement);
        return this;
    }

    /**
     * Only elements with data in a parent relative date filter.
     *
     * @param datasetIdentifier the date dataset
     * @param granularity the period
     * @param from the first period, relative to the current one (0)
     * @param to the last period, included
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder dependsOnRelativeDate(String datasetIdentifier, DateGranularity granularity,
            int from, int to) {
        relativeDate(dependsOnDate(RelativeDateFilter.TYPE, datasetIdentifier), granularity, from, to);
        return this;
    }

    /**
     * Only elements with data in a parent absolute date filter.
     *
     * @param datasetIdentifier the date dataset
     * @param from the first day (or minute)
     * @param to the last day (or minute)
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder dependsOnAbsoluteDate(String datasetIdentifier, String from, String to) {
        dependsOnDate(AbsoluteDateFilter.TYPE, datasetIdentifier).put("from", from).put("to", to);
        return this;
    }

    private ObjectNode dependsOnDate(String type, String datasetIdentifier) {
        ObjectNode filter = labelRequest("dependsOn").withArray("dependsOn").addObject().putObject("dateFilter")
                .putObject(type);
        filter.set("dataset", identifier(datasetIdentifier, "dataset").get("identifier"));
        return filter;
    }

    /**
     * Only elements that have data for this item, e.g. {@code validateBy("revenue", FACT)}.
     *
     * @param id the item's id
     * @param type the item's kind
     * @return this builder
     * @throws IllegalStateException when this is not a label-elements context
     */
    public ExecutionContextBuilder validateBy(String id, ValidateByItem.Type type) {
        labelRequest("validateBy").withArray("validateBy").addObject().put("id", Objects.requireNonNull(id))
                .put("type", type.name().toLowerCase(Locale.ROOT));
        return this;
    }

    private ObjectNode labelRequest(String field) {
        JsonNode request = json.get(LABEL_REQUEST);
        if (!(request instanceof ObjectNode object)) {
            throw new IllegalStateException(field + " belongs to a label-elements context; this one is "
                    + json.path("executionType").asText() + ". Start with ExecutionContextBuilder.labelElements(label).");
        }
        return object;
    }

    // ---- results ----

    /** {@return the {@code executionContext} object, as GoodData sends it (a copy)} */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /**
     * {@return {@link #toJson()} as text} For example for {@code
     * CallContext.builder().executionContextJson(..)} or a test-kit call.
     */
    public String toJsonString() {
        return json.toString();
    }

    /**
     * {@return the context read back by the runtime's parser: what {@code
     * CallContext.executionContext()}
     * returns}
     */
    public ExecutionContext build() {
        return ExecutionContext.parse(json);
    }

    /** The AFM of a report context, where attributes and filters are listed a second time. */
    private Optional<ObjectNode> afm() {
        return json.get(REPORT_REQUEST) instanceof ObjectNode afm ? Optional.of(afm)
                : Optional.empty();
    }

    /** {@code {"identifier": {"id": .., "type": ..}}}, GoodData's reference to a workspace object. */
    private static ObjectNode identifier(String id, String type) {
        ObjectNode reference = JSON.createObjectNode();
        reference.putObject("identifier").put("id", Objects.requireNonNull(id)).put("type", type);
        return reference;
    }

    private static void strings(ArrayNode array, String... values) {
        Arrays.stream(values).forEach(array::add);
    }
}
