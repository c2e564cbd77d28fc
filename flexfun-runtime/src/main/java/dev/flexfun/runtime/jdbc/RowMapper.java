package dev.flexfun.runtime.jdbc;

import java.sql.SQLException;

/** Makes one result row into a value (usually a record); called once per row, on the reading thread. */
@FunctionalInterface
public interface RowMapper<R> {
    R map(SqlRow row) throws SQLException;
}
