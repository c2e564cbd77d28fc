package dev.flexfun.examples;

import dev.flexfun.annotations.Columns;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.jdbc.JdbcQuery;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A function over a database table: a query and a row mapper, nothing else. GoodData's filters go
 * into the SQL (see {@link OrdersQuery}), only the requested columns are selected, and the rows are
 * read lazily while the server sends them; the statement and connection are closed when the read
 * ends, fails or is cancelled, and a cancelled call cancels the running statement.
 */
public final class OrdersFunctions {
    private OrdersFunctions() {
    }

    @FlexFun(name = "Orders", description = "Orders from the example DuckDB database, GoodData's filters pushed into SQL")
    public static Stream<OrderRow> orders(CallContext ctx, @Columns Set<String> columns) {
        return JdbcQuery.stream(ctx, OrdersDatabase::connect, OrdersQuery.of(columns, ctx.executionContext()),
                row -> new OrderRow(row.getLong("order_id"), row.getString("region"), row.getString("product"),
                        row.getLocalDate("order_date"), row.getInt("quantity"), row.getBigDecimal("revenue")));
    }
}
