package dev.flexfun.examples;

import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.runtime.jdbc.DateColumnType;
import dev.flexfun.runtime.jdbc.FilterPushdown;
import dev.flexfun.runtime.jdbc.Identifiers;
import dev.flexfun.runtime.jdbc.Sql;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The one query behind {@code Orders} and {@code OrdersArrow}: the requested columns of table
 * {@code orders}, with GoodData's filters on {@code region}, {@code product} and {@code order_date}
 * in the WHERE clause. Filters on other labels or datasets do not concern this table and are left
 * out, as the reference's functions do.
 */
final class OrdersQuery {
    private static final FilterPushdown PUSHDOWN = FilterPushdown.builder()
            .labels("region", "product")
            .dates("order_date", DateColumnType.DATE)
            .build();

    private static final List<String> ALL_COLUMNS = OrdersArrowFunction.SCHEMA.getFields().stream()
            .map(Field::getName).toList();

    private OrdersQuery() {
    }

    /** The query for these columns (schema order) and the call's execution context, if any. */
    static Sql of(Collection<String> columns, Optional<ExecutionContext> context) {
        // A hint naming no column still needs one row per order: select them all, none is sent.
        Collection<String> selected = columns.isEmpty() ? ALL_COLUMNS : columns;
        return Sql.of("SELECT " + Identifiers.ANSI.list(selected) + " FROM orders").plus(PUSHDOWN.apply(context, Identifiers.ANSI).where());
    }
}
