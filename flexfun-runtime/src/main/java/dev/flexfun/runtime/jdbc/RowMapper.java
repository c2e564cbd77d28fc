package dev.flexfun.runtime.jdbc;

import java.sql.SQLException;

/** Makes one result row into a value (usually a record); called once per row, on the reading thread. */
@FunctionalInterface
public interface RowMapper<R> {
    /**
     * {@return the value made of the current row}
     *
     * @param row the current row of the result set
     * @throws SQLException when reading the row fails
     */
    R map(SqlRow row) throws SQLException;
}
