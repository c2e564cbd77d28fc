package dev.flexfun.runtime.jdbc;

import dev.flexfun.runtime.context.AttributeFilter;
import dev.flexfun.runtime.context.DateFilter;
import dev.flexfun.runtime.context.DateRange;
import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.runtime.context.Filter;
import dev.flexfun.runtime.context.LabelFilter;
import dev.flexfun.runtime.context.MatchAttributeFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the execution context's filters into a SQL condition with bind values, for the labels and
 * date datasets you map to columns. Each filter keeps exactly the rows its own {@code accepts}
 * / {@link ExecutionContext#dateRange} keep, NULLs included:
 * <ul>
 *   <li>positive attribute filter: {@code col IN (?, ...)} ({@code OR col IS NULL} for the null
 *       element); an empty list keeps nothing;</li>
 *   <li>negative attribute filter: {@code col NOT IN (?, ...)}, keeping NULLs unless the list names the
 *       null element; an empty list keeps everything;</li>
 *   <li>match filter: {@code col LIKE ? ESCAPE '!'} ({@code LOWER(col)} when case-insensitive), the
 *       literal's {@code %} and {@code _} escaped;</li>
 *   <li>relative and absolute date filters: {@code col >= ? AND col < ?}, the range resolved in the
 *       context's time zone and week start, bound as the {@link DateColumnType} needs.</li>
 * </ul>
 * Filters are combined with {@code AND}. Column names are quoted with the given {@link Identifiers};
 * values are only ever bound.
 *
 * <pre>{@code
 * FilterPushdown pushdown = FilterPushdown.builder()
 *         .labels("region", "product")                 // label identifier = column name
 *         .dates("order_date", DateColumnType.DATE)    // dataset identifier = column name
 *         .build();
 * Pushdown where = pushdown.apply(context, Identifiers.ANSI);
 * }</pre>
 */
public final class FilterPushdown {
    private static final char LIKE_ESCAPE = '!';

    private final Map<String, String> labelColumns;
    private final Map<String, DateColumn> dateColumns;

    private record DateColumn(String column, DateColumnType type) {
    }

    private FilterPushdown(Map<String, String> labelColumns, Map<String, DateColumn> dateColumns) {
        this.labelColumns = Collections.unmodifiableMap(new LinkedHashMap<>(labelColumns));
        this.dateColumns = Collections.unmodifiableMap(new LinkedHashMap<>(dateColumns));
    }

    /** {@return a new builder, with no label or dataset mapped} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Like {@link #apply(ExecutionContext, Identifiers)}; a call without a context pushes nothing.
     *
     * @param context the call's execution context, if it has one
     * @param identifiers how the database quotes the column names
     * @return the pushed condition and the remaining filters; an empty condition and no filters without a context
     * @throws dev.flexfun.runtime.BadArgumentException when a date filter on a mapped dataset has no
     *     single range
     */
    public Pushdown apply(Optional<ExecutionContext> context, Identifiers identifiers) {
        return context.map(c -> apply(c, identifiers)).orElseGet(() -> new Pushdown(Sql.of(""), List.of()));
    }

    /**
     * The condition for the context's filters on mapped labels and datasets.
     *
     * @param context the call's execution context, whose filters are pushed
     * @param identifiers how the database quotes the column names
     * @return the pushed filters as one condition, and the filters that were not pushed
     * @throws dev.flexfun.runtime.BadArgumentException when a date filter on a mapped dataset has no
     *     single range (see {@link ExecutionContext#dateRange})
     */
    public Pushdown apply(ExecutionContext context, Identifiers identifiers) {
        List<Sql> conditions = new ArrayList<>();
        List<Filter> remaining = new ArrayList<>();
        for (Filter filter : context.filters()) {
            Optional<Sql> condition = condition(filter, context, identifiers);
            if (condition.isPresent()) {
                conditions.add(condition.get());
            } else {
                remaining.add(filter);
            }
        }
        return new Pushdown(Sql.join(" AND ", conditions), remaining);
    }

    private Optional<Sql> condition(Filter filter, ExecutionContext context, Identifiers identifiers) {
        if (filter instanceof LabelFilter label && labelColumns.containsKey(label.labelIdentifier())) {
            String column = identifiers.quote(labelColumns.get(label.labelIdentifier()));
            return Optional.of(label instanceof AttributeFilter values ? in(column, values)
                    : like(column, (MatchAttributeFilter) label));
        }
        if (filter instanceof DateFilter date && dateColumns.containsKey(date.datasetIdentifier())) {
            DateColumn column = dateColumns.get(date.datasetIdentifier());
            DateRange range = context.dateRange(date);
            String quoted = identifiers.quote(column.column());
            return Optional.of(new Sql(quoted + " >= ? AND " + quoted + " < ?",
                    List.of(column.type().from(range), column.type().to(range))));
        }
        return Optional.empty();
    }

    private static Sql in(String column, AttributeFilter filter) {
        List<Object> values = filter.values().stream().filter(Objects::nonNull).map(Object.class::cast).toList();
        boolean listsNull = values.size() < filter.values().size();
        String placeholders = String.join(", ", Collections.nCopies(values.size(), "?"));
        if (!filter.isNegative()) {
            String in = values.isEmpty() ? "1 = 0" : column + " IN (" + placeholders + ")";
            return new Sql(listsNull ? in + " OR " + column + " IS NULL" : in, values);
        }
        String notIn = values.isEmpty() ? "1 = 1" : column + " NOT IN (" + placeholders + ")";
        // SQL's NOT IN drops NULLs; the filter keeps them unless it names the null element.
        return new Sql(listsNull ? column + " IS NOT NULL AND " + notIn : column + " IS NULL OR " + notIn, values);
    }

    private static Sql like(String column, MatchAttributeFilter filter) {
        String literal = filter.caseSensitive() ? filter.literal() : filter.literal().toLowerCase(Locale.ROOT);
        String escaped = escapeLike(literal);
        String pattern = switch (filter.matchType()) {
            case CONTAINS -> "%" + escaped + "%";
            case STARTS_WITH -> escaped + "%";
            case ENDS_WITH -> "%" + escaped;
        };
        String subject = filter.caseSensitive() ? column : "LOWER(" + column + ")";
        String like = subject + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'";
        // A NULL value never matches, so a negated match keeps it.
        return new Sql(filter.negate() ? column + " IS NULL OR NOT (" + like + ")" : like, List.of(pattern));
    }

    private static String escapeLike(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 4);
        for (char c : literal.toCharArray()) {
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Maps labels and date datasets to columns. */
    public static final class Builder {
        private final Map<String, String> labelColumns = new LinkedHashMap<>();
        private final Map<String, DateColumn> dateColumns = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Maps labels whose identifier is the name of their column.
         *
         * @param columns the columns, each named as its label's identifier
         * @return this builder
         */
        public Builder labels(String... columns) {
            for (String column : columns) {
                label(column, column);
            }
            return this;
        }

        /**
         * Filters on {@code labelIdentifier} restrict {@code column}.
         *
         * @param labelIdentifier the label's identifier
         * @param column the column that holds the label's values
         * @return this builder
         */
        public Builder label(String labelIdentifier, String column) {
            labelColumns.put(Objects.requireNonNull(labelIdentifier), Objects.requireNonNull(column));
            return this;
        }

        /**
         * Maps a date dataset whose identifier is the name of its column.
         *
         * @param column the column, named as the dataset's identifier
         * @param type what the column holds
         * @return this builder
         */
        public Builder dates(String column, DateColumnType type) {
            return date(column, column, type);
        }

        /**
         * Date filters on {@code datasetIdentifier} restrict {@code column}, which holds {@code type}.
         *
         * @param datasetIdentifier the date dataset's identifier
         * @param column the column that holds the dataset's dates
         * @param type what the column holds
         * @return this builder
         */
        public Builder date(String datasetIdentifier, String column, DateColumnType type) {
            dateColumns.put(Objects.requireNonNull(datasetIdentifier),
                    new DateColumn(Objects.requireNonNull(column), Objects.requireNonNull(type)));
            return this;
        }

        /** {@return a pushdown with the labels and datasets mapped so far} */
        public FilterPushdown build() {
            return new FilterPushdown(labelColumns, dateColumns);
        }
    }
}
