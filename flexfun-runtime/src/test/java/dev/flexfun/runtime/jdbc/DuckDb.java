package dev.flexfun.runtime.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB database for the JDBC helpers' tests, handing out connections it counts (like
 * a pool's active count) and telling when a statement starts executing.
 */
final class DuckDb implements ConnectionSource, AutoCloseable {
    private final DuckDBConnection database;
    private final AtomicInteger open = new AtomicInteger();
    final CountDownLatch executing = new CountDownLatch(1);

    DuckDb(String... setup) throws SQLException {
        database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = database.createStatement()) {
            for (String sql : setup) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public Connection open() throws SQLException {
        Connection connection = database.duplicate();
        open.incrementAndGet();
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            if (method.getName().equals("close") && !connection.isClosed()) {
                open.decrementAndGet();
            }
            Object result = call(connection, method, args);
            return result instanceof PreparedStatement statement ? executingSignal(statement) : result;
        });
    }

    /** Connections handed out and not closed yet. */
    int openConnections() {
        return open.get();
    }

    private PreparedStatement executingSignal(PreparedStatement statement) {
        return proxy(PreparedStatement.class, statement, (proxy, method, args) -> {
            if (method.getName().equals("executeQuery")) {
                executing.countDown();
            }
            return call(statement, method, args);
        });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(DuckDb.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }
}
