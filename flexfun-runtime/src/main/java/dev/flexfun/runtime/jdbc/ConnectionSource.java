package dev.flexfun.runtime.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a query gets its connection: {@code dataSource::getConnection} for a pool, or
 * {@code () -> DriverManager.getConnection(url, user, password)}. The query closes the connection
 * when it is done, which gives a pooled connection back to its pool.
 */
@FunctionalInterface
public interface ConnectionSource {
    /**
     * {@return a connection for one query, which the query closes when it is done}
     *
     * @throws SQLException when no connection can be opened
     */
    Connection open() throws SQLException;
}
