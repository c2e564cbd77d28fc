package dev.flexfun.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.annotations.OnShutdown;
import dev.flexfun.runtime.ServerContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded DuckDB database behind {@code Orders} and {@code OrdersArrow}, opened at start-up
 * from section {@code [orders]} (config/functions.toml; env {@code GOODDATA_FLIGHT_ORDERS__<KEY>}):
 *
 * <pre>
 * [orders]
 * database = ""              # a DuckDB file; empty: in memory
 * generate_rows = 100000     # (re)create table orders with this many generated rows; 0: use the file's table
 * </pre>
 *
 * Every call gets its own connection to the one database ({@link #connect()}) and closes it when its
 * rows are read. A database with credentials (PostgreSQL, a warehouse) would read the password from
 * the environment or a file here, as {@link ExchangeRatesFunctions} reads its token.
 */
public final class OrdersDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersDatabase.class);
    static final String SECTION = "orders";
    static final long DEFAULT_ROWS = 100_000;

    /**
     * The generator: every value a function of the row number {@code i}, so a test can count what
     * any filter must return. 4 regions x 5 products repeat every 20 rows; dates run through
     * 2024-01-01 .. 2025-12-31 (731 days) one day per row.
     */
    static final String[] REGIONS = {"EMEA", "AMER", "APAC", "LATAM"};
    static final String[] PRODUCTS = {"Widget", "Gadget", "Gizmo", "Doohickey", "Sprocket"};
    static final String FIRST_DATE = "2024-01-01";
    static final int DAYS = 731;

    private static final Object LOCK = new Object();
    private static DuckDBConnection database;
    private static final AtomicInteger OPEN_CONNECTIONS = new AtomicInteger();

    private OrdersDatabase() {
    }

    /**
     * Opens the database and generates the table; a database still open from an earlier start in this
     * JVM (one whose shutdown hooks did not run, e.g. a failed start) is closed first.
     */
    @OnLoad
    public static void open(ServerContext server) throws SQLException {
        JsonNode section = server.section(SECTION);
        String file = section.path("database").asText("");
        long rows = section.path("generate_rows").asLong(DEFAULT_ROWS);
        if (rows < 0) {
            throw new IllegalArgumentException("Setting orders.generate_rows = " + rows + " must be 0 or more.");
        }
        synchronized (LOCK) {
            close();
            Properties properties = new Properties();
            // Rows come from DuckDB as they are read, instead of the whole result first.
            properties.setProperty("jdbc_stream_results", "true");
            DuckDBConnection opened = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, properties);
            try {
                if (rows > 0) {
                    long start = System.nanoTime();
                    generate(opened, rows);
                    LOG.info("Generated table orders: {} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
                }
            } catch (SQLException | RuntimeException e) {
                opened.close();
                throw e;
            }
            database = opened;
        }
    }

    /** Closes the database when the server stops, after the running calls have drained. */
    @OnShutdown
    public static void close() {
        synchronized (LOCK) {
            if (database == null) {
                return;
            }
            try {
                database.close();
            } catch (SQLException e) {
                LOG.warn("Closing the orders database failed: {}", e.getMessage());
            } finally {
                database = null;
            }
        }
    }

    private static void generate(Connection connection, long rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE orders AS SELECT"
                    + " i AS order_id,"
                    + " " + listLiteral(REGIONS) + "[i % " + REGIONS.length + " + 1] AS region,"
                    + " " + listLiteral(PRODUCTS) + "[(i // " + REGIONS.length + ") % " + PRODUCTS.length + " + 1] AS product,"
                    + " DATE '" + FIRST_DATE + "' + CAST(i % " + DAYS + " AS INTEGER) AS order_date,"
                    + " CAST(i % 10 + 1 AS INTEGER) AS quantity,"
                    + " CAST((i % 1000) * 1.25 + 0.5 AS DECIMAL(18, 2)) AS revenue"
                    + " FROM range(" + rows + ") AS t(i)");
        }
    }

    private static String listLiteral(String[] values) {
        StringBuilder list = new StringBuilder("[");
        for (String value : values) {
            list.append(list.length() > 1 ? ", '" : "'").append(value).append('\'');
        }
        return list.append(']').toString();
    }

    /**
     * A new connection to the database, for one call; closing it releases it. What a connection pool
     * would be in a server database ({@code dataSource::getConnection}).
     *
     * @throws SQLException when the database is not open (the server did not run the hook)
     */
    public static Connection connect() throws SQLException {
        DuckDBConnection open;
        synchronized (LOCK) {
            open = database;
        }
        if (open == null) {
            throw new SQLException("The orders database is not open: the server has not run its @OnLoad hook yet, or has stopped.");
        }
        return counted(open.duplicate());
    }

    /** How many connections from {@link #connect()} are open now, like a pool's active count. */
    public static int openConnections() {
        return OPEN_CONNECTIONS.get();
    }

    /** Waits until no connection from {@link #connect()} is open (a pool back to idle); false on timeout. */
    public static boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (OPEN_CONNECTIONS) {
            while (OPEN_CONNECTIONS.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(OPEN_CONNECTIONS, left);
            }
            return true;
        }
    }

    /** The connection, counted in {@link #openConnections()} until its first close. */
    private static Connection counted(Connection connection) {
        OPEN_CONNECTIONS.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
                synchronized (OPEN_CONNECTIONS) {
                    OPEN_CONNECTIONS.decrementAndGet();
                    OPEN_CONNECTIONS.notifyAll();
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(OrdersDatabase.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }
}
