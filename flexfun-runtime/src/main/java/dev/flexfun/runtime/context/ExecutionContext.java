package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.BadArgumentException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What GoodData is computing when it calls a function: {@code parameters.executionContext}
 * (execution-context.json). Immutable; read it with {@link #fromParameters} or, inside a call,
 * {@code CallContext.executionContext()}.
 *
 * <p>Parsing ignores unknown fields, reads enum values in any case, treats JSON {@code null} as
 * absent and an empty {@code timestamp}/{@code timezone} string as absent (GoodData sends both
 * for label elements). A missing required field or a wrong type throws
 * {@link BadArgumentException} naming the JSON path, e.g.
 * {@code parameters.executionContext.filters[0].labelIdentifier is required but is missing.}
 *
 * @param timestamp the moment relative date filters count from ("now")
 * @param timezone the time zone of dates in filters and of "now"; see {@link #zone()}
 * @param weekStart the first day of a week; see {@link #firstDayOfWeek()}
 * @param reportExecutionRequest the AFM; present whenever the type is REPORT
 * @param executionRequest the older copy of the AFM, when sent
 * @param labelElementsExecutionRequest present whenever the type is LABEL_ELEMENTS
 * @param raw the whole execution context JSON, for fields this version does not model
 */
public record ExecutionContext(
        ExecutionType executionType,
        String organizationId,
        String workspaceId,
        String userId,
        Optional<OffsetDateTime> timestamp,
        Optional<ZoneId> timezone,
        Optional<WeekStart> weekStart,
        List<Attribute> attributes,
        List<Filter> filters,
        Optional<AfmExecutionRequest> reportExecutionRequest,
        Optional<AfmExecutionRequest> executionRequest,
        Optional<LabelElementsExecutionRequest> labelElementsExecutionRequest,
        Optional<ExecutionInitiator> executionInitiator,
        JsonNode raw) {

    /** The path parse errors start with: where the protocol puts the execution context. */
    public static final String PATH = "parameters.executionContext";

    /** The week start GoodData uses when the context names none. */
    public static final DayOfWeek DEFAULT_WEEK_START = DayOfWeek.SUNDAY;

    /**
     * Checks that the required components are present and copies the collections.
     *
     * @param executionType what is computed: a report or label elements
     * @param organizationId the GoodData organization
     * @param workspaceId the workspace
     * @param userId the user the execution runs for
     * @param timestamp the moment relative date filters count from ("now")
     * @param timezone the time zone of dates in filters and of "now"; see {@link #zone()}
     * @param weekStart the first day of a week; see {@link #firstDayOfWeek()}
     * @param attributes the attributes the execution asks for, in order
     * @param filters the filters, in order, simplified from the AFM
     * @param reportExecutionRequest the AFM; present whenever the type is REPORT
     * @param executionRequest the older copy of the AFM, when sent
     * @param labelElementsExecutionRequest present whenever the type is LABEL_ELEMENTS
     * @param executionInitiator what triggered the execution, when sent
     * @param raw the whole execution context JSON, for fields this version does not model
     */
    public ExecutionContext {
        Objects.requireNonNull(executionType, "executionType");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(weekStart, "weekStart");
        attributes = List.copyOf(attributes);
        filters = List.copyOf(filters);
        Objects.requireNonNull(reportExecutionRequest, "reportExecutionRequest");
        Objects.requireNonNull(executionRequest, "executionRequest");
        Objects.requireNonNull(labelElementsExecutionRequest, "labelElementsExecutionRequest");
        Objects.requireNonNull(executionInitiator, "executionInitiator");
        raw = raw.deepCopy();
    }

    // ---- parsing ----

    /**
     * The execution context in a call's {@code parameters}; empty when the call has none (no
     * parameters, no {@code executionContext}, {@code null}, or an empty object {@code {}}, which
     * clients without a context send).
     *
     * @param parameters the call's {@code parameters} object
     * @return the parsed execution context, or empty
     * @throws BadArgumentException when it is present but malformed
     */
    public static Optional<ExecutionContext> fromParameters(JsonNode parameters) {
        if (parameters == null || parameters.isNull() || parameters.isMissingNode()) {
            return Optional.empty();
        }
        if (!parameters.isObject()) {
            throw PathNode.wrongType("parameters", "an object", parameters);
        }
        JsonNode context = parameters.get("executionContext");
        if (context == null || context.isNull() || (context.isObject() && context.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(parse(context));
    }

    /**
     * Reads the {@code executionContext} object itself; errors name paths under {@value #PATH}.
     *
     * @param executionContext the {@code executionContext} JSON object
     * @return the parsed execution context
     * @throws BadArgumentException when it is malformed
     */
    public static ExecutionContext parse(JsonNode executionContext) {
        Objects.requireNonNull(executionContext, "executionContext");
        PathNode json = new PathNode(executionContext, PATH).requireObject();
        ExecutionType type = json.requiredEnum("executionType", ExecutionType.class);
        ExecutionContext context = new ExecutionContext(
                type,
                json.requiredText("organizationId"),
                json.requiredText("workspaceId"),
                json.requiredText("userId"),
                json.optional("timestamp").flatMap(ExecutionContext::timestamp),
                json.optional("timezone").flatMap(ExecutionContext::zone),
                json.optional("weekStart").filter(w -> !w.text().isEmpty()).map(w -> w.enumValue(WeekStart.class)),
                json.requiredList("attributes", Attribute::parse),
                json.requiredList("filters", Filters::parse),
                json.optional("reportExecutionRequest").map(AfmExecutionRequest::parse),
                json.optional("executionRequest").map(AfmExecutionRequest::parse),
                json.optional("labelElementsExecutionRequest").map(LabelElementsExecutionRequest::parse),
                json.optional("executionInitiator").map(ExecutionInitiator::parse),
                executionContext);
        // The schema's if/then: each execution type brings its own request.
        if (type == ExecutionType.REPORT && context.reportExecutionRequest().isEmpty()) {
            json.required("reportExecutionRequest");
        }
        if (type == ExecutionType.LABEL_ELEMENTS && context.labelElementsExecutionRequest().isEmpty()) {
            json.required("labelElementsExecutionRequest");
        }
        return context;
    }

    private static Optional<OffsetDateTime> timestamp(PathNode json) {
        String text = json.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new BadArgumentException(json.path() + " must be an ISO-8601 date-time with offset, e.g. "
                    + "2020-06-03T10:15:30+01:00, found \"" + text + "\".", e);
        }
    }

    private static Optional<ZoneId> zone(PathNode json) {
        String text = json.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            throw new BadArgumentException(json.path() + " must be a time zone id such as Europe/Prague or "
                    + "Etc/UTC, found \"" + text + "\".", e);
        }
    }

    // ---- what a function author needs ----

    /** {@return a copy of the whole execution context JSON} */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /** {@return whether the execution computes a report (execution type REPORT)} */
    public boolean isReport() {
        return executionType == ExecutionType.REPORT;
    }

    /** {@return whether the execution lists label elements (execution type LABEL_ELEMENTS)} */
    public boolean isLabelElements() {
        return executionType == ExecutionType.LABEL_ELEMENTS;
    }

    /**
     * {@return the time zone dates are read in} That is {@link #timezone()}, else the offset of
     * {@link #timestamp()}, else UTC.
     */
    public ZoneId zone() {
        return timezone.or(() -> timestamp.map(OffsetDateTime::getOffset)).orElse(ZoneOffset.UTC);
    }

    /** {@return {@link #weekStart()} as a day, {@link #DEFAULT_WEEK_START} (Sunday) when absent} */
    public DayOfWeek firstDayOfWeek() {
        return weekStart.map(WeekStart::dayOfWeek).orElse(DEFAULT_WEEK_START);
    }

    /**
     * {@return "now" for date filters, in {@link #zone()}} That is the context's {@link
     * #timestamp()},
     * or the system clock's time when it has none.
     */
    public ZonedDateTime now() {
        return now(Clock.systemUTC());
    }

    /**
     * Like {@link #now()}, with the clock used when the context has no timestamp.
     *
     * @param whenNoTimestamp the clock to read when the context has no timestamp
     * @return "now" for date filters, in {@link #zone()}
     */
    public ZonedDateTime now(Clock whenNoTimestamp) {
        ZoneId zone = zone();
        return timestamp.map(t -> t.atZoneSameInstant(zone))
                .orElseGet(() -> ZonedDateTime.now(whenNoTimestamp.withZone(zone)));
    }

    /**
     * The range {@code [from, to)} a date filter selects, resolved with this context's
     * {@link #now()}, {@link #zone()} and {@link #firstDayOfWeek()}.
     *
     * @param filter a date filter of this context
     * @return the range the filter selects
     * @throws BadArgumentException when the filter has no single range; see {@link DateFilter#resolve}
     */
    public DateRange dateRange(DateFilter filter) {
        return filter.resolve(now(), firstDayOfWeek());
    }

    /**
     * Like {@link #dateRange(DateFilter)}, with the clock used when the context has no timestamp.
     *
     * @param filter a date filter of this context
     * @param whenNoTimestamp the clock to read when the context has no timestamp
     * @return the range the filter selects
     * @throws BadArgumentException when the filter has no single range; see {@link
     *     DateFilter#resolve}
     */
    public DateRange dateRange(DateFilter filter, Clock whenNoTimestamp) {
        return filter.resolve(now(whenNoTimestamp), firstDayOfWeek());
    }

    /**
     * {@return the filters on a label (positive, negative, match), in order}
     *
     * @param labelIdentifier the label, e.g. {@code "region"}
     */
    public List<LabelFilter> filtersFor(String labelIdentifier) {
        return filters.stream()
                .filter(f -> f instanceof LabelFilter l && l.labelIdentifier().equals(labelIdentifier))
                .map(LabelFilter.class::cast)
                .toList();
    }

    /**
     * {@return whether a value of the label passes every filter on that label (true when there is
     * none)}
     *
     * @param labelIdentifier the label, e.g. {@code "region"}
     * @param value a value of that label; {@code null} is the empty element
     */
    public boolean accepts(String labelIdentifier, String value) {
        return filtersFor(labelIdentifier).stream().allMatch(f -> f.accepts(value));
    }

    /**
     * {@return the date filters on a dataset, in order}
     *
     * @param datasetIdentifier the date dataset
     */
    public List<DateFilter> dateFiltersFor(String datasetIdentifier) {
        return filters.stream()
                .filter(f -> f instanceof DateFilter d && d.datasetIdentifier().equals(datasetIdentifier))
                .map(DateFilter.class::cast)
                .toList();
    }

    /** {@return the filters this version does not know} */
    public List<UnknownFilter> unknownFilters() {
        return filters.stream().filter(UnknownFilter.class::isInstance).map(UnknownFilter.class::cast).toList();
    }

    /**
     * {@return the requested attribute read through this label, if any}
     *
     * @param labelIdentifier the label
     */
    public Optional<Attribute> attributeByLabel(String labelIdentifier) {
        return attributes.stream().filter(a -> a.labelIdentifier().equals(labelIdentifier)).findFirst();
    }
}
