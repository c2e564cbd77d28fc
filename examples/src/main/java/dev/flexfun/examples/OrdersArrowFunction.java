package dev.flexfun.examples;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.jdbc.JdbcQuery;
import dev.flexfun.runtime.vector.ColumnSelection;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBResultSet;

/**
 * The {@code Orders} query served as DuckDB produces it: record batches through the Arrow C data
 * interface, no Java object per row. The fastest path for large results from a database that
 * speaks Arrow. DuckDB marks every exported column nullable, so the schema does too.
 */
@FlexFun
public final class OrdersArrowFunction implements FlexFunction {
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("order_id", new ArrowType.Int(64, true)),
            Field.nullable("region", ArrowType.Utf8.INSTANCE),
            Field.nullable("product", ArrowType.Utf8.INSTANCE),
            Field.nullable("order_date", new ArrowType.Date(DateUnit.DAY)),
            Field.nullable("quantity", new ArrowType.Int(32, true)),
            Field.nullable("revenue", new ArrowType.Decimal(18, 2, 128))));

    @Override
    public String name() {
        return "OrdersArrow";
    }

    @Override
    public String description() {
        return "The Orders query as Arrow batches straight from DuckDB";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public FlexResult call(CallContext ctx) throws SQLException {
        ColumnSelection columns = ColumnSelection.of(SCHEMA, ctx.columns());
        JdbcQuery query = JdbcQuery.open(ctx, OrdersDatabase::connect, OrdersQuery.of(columns.names(),
                ctx.executionContext()));
        try {
            // DuckDB fills the batches in native memory; Arrow Java accounts them to the call's allocator.
            ArrowReader reader = (ArrowReader) query.resultSet().unwrap(DuckDBResultSet.class)
                    .arrowExportStream(ctx.allocator(), ctx.batchSize());
            return FlexResult.of(reader, query);
        } catch (SQLException | RuntimeException e) {
            query.close();
            throw e;
        }
    }
}
