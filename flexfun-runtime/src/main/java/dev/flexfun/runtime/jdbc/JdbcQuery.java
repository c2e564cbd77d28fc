package dev.flexfun.runtime.jdbc;

import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One running query of one call: its connection, prepared statement and result set, closed together.
 * While it is open, cancelling the call cancels the statement ({@link java.sql.Statement#cancel()}).
 *
 * <p>Most functions only need {@link #stream}:
 * <pre>{@code
 * @FlexFun(name = "Orders")
 * public static Stream<OrderRow> orders(CallContext ctx) {
 *     Sql query = Sql.of("SELECT order_id, region FROM orders").plus(pushdown.apply(ctx.executionContext(), ANSI).where());
 *     return JdbcQuery.stream(ctx, dataSource::getConnection, query,
 *             row -> new OrderRow(row.getLong("order_id"), row.getString("region")));
 * }
 * }</pre>
 * The stream is lazy: rows are fetched (at most {@link CallContext#batchSize()} at a time, through
 * the fetch size) while the server writes Arrow batches, and the statement and connection are closed
 * when the read ends, fails or is cancelled. For drivers that fetch all rows unless told otherwise
 * (PostgreSQL: a connection with auto-commit off), configure streaming in the connection source.
 *
 * <p>A failing query fails the call with COMMAND_FAILED naming the function and the driver's message
 * (with retry flags for a {@link SQLTransientException}); a cancelled call's query ends with
 * COMMAND_CANCELLED.
 */
public final class JdbcQuery implements AutoCloseable {
    private final CallContext context;
    private final Connection connection;
    private final PreparedStatement statement;
    private final AutoCloseable cancelWatch;
    private final ResultSet resultSet;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean exhausted;

    private JdbcQuery(CallContext context, Connection connection, PreparedStatement statement,
            AutoCloseable cancelWatch, ResultSet resultSet) {
        this.context = context;
        this.connection = connection;
        this.statement = statement;
        this.cancelWatch = cancelWatch;
        this.resultSet = resultSet;
    }

    /**
     * Opens a connection, prepares {@code query}, binds its values and executes it.
     *
     * @param context the call the query runs for: cancelling it cancels the statement, and its batch
     *     size is the fetch size
     * @param source where the connection comes from
     * @param query the SQL and its values
     * @return the executed query, which owns the connection, statement and result set
     * @throws FlexFunException COMMAND_FAILED when the database fails, COMMAND_CANCELLED when the call
     *     was cancelled meanwhile; whatever was opened is closed again
     */
    public static JdbcQuery open(CallContext context, ConnectionSource source, Sql query) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(query, "query");
        context.throwIfCancelled();
        Connection connection = null;
        PreparedStatement statement = null;
        AutoCloseable watch = null;
        try {
            connection = source.open();
            statement = connection.prepareStatement(query.text(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(context.batchSize());
            query.bind(statement);
            watch = StatementCanceller.watch(context, statement);
            ResultSet resultSet = statement.executeQuery();
            return new JdbcQuery(context, connection, statement, watch, resultSet);
        } catch (SQLException e) {
            FlexFunException failure = failure(context, e);
            closeAll(failure, watch, statement, connection);
            throw failure;
        } catch (RuntimeException e) {
            closeAll(e, watch, statement, connection);
            throw e;
        }
    }

    /**
     * Runs {@code query} and returns its rows, mapped, as a lazy stream that owns the query: closing
     * the stream (the server does when the read ends, fails or is cancelled) closes the result set,
     * statement and connection.
     *
     * @param <R> the type of the mapped rows
     * @param context the call the query runs for (see {@link #open})
     * @param source where the connection comes from
     * @param query the SQL and its values
     * @param mapper makes each row into a value; not {@code null}
     * @return the mapped rows, read as the stream is consumed
     * @throws FlexFunException COMMAND_FAILED when the database fails, COMMAND_CANCELLED when the call
     *     was cancelled meanwhile
     */
    public static <R> Stream<R> stream(CallContext context, ConnectionSource source, Sql query, RowMapper<R> mapper) {
        return open(context, source, query).stream(mapper);
    }

    /**
     * {@return the rows of this query, mapped; the stream owns the query (closing it closes the query)}
     *
     * @param <R> the type of the mapped rows
     * @param mapper makes each row into a value; not {@code null}
     * @throws FlexFunException COMMAND_FAILED when the database fails (then the query is closed)
     */
    public <R> Stream<R> stream(RowMapper<R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        SqlRow row;
        try {
            row = new SqlRow(resultSet);
        } catch (SQLException e) {
            FlexFunException failure = failure(context, e);
            closeAll(failure, this);
            throw failure;
        }
        Spliterator<R> rows = new Spliterators.AbstractSpliterator<R>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                try {
                    if (!resultSet.next()) {
                        exhausted = true;
                        return false;
                    }
                    action.accept(mapper.map(row));
                    return true;
                } catch (SQLException e) {
                    throw failure(context, e);
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(this::close);
    }

    /** {@return the result set, for readers that are not rows (e.g. a driver's own Arrow export); do not close it yourself} */
    public ResultSet resultSet() {
        return resultSet;
    }

    /**
     * Closes the result set, statement and connection (giving a pooled connection back). A query
     * not read to the end is cancelled first, so a driver does not fetch the rest just to discard it.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!exhausted) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // not running any more, or the driver cannot cancel: closing frees it either way
            }
        }
        RuntimeException failure = closeAll(null, cancelWatch, resultSet, statement, connection);
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes each resource (nulls skipped), adding failures to {@code failure} or returning the first one. */
    private static RuntimeException closeAll(RuntimeException failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing a query's " + kind(resource) + " failed: "
                            + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    private static String kind(AutoCloseable resource) {
        if (resource instanceof Connection) {
            return "connection";
        }
        return resource instanceof ResultSet ? "result set" : "statement";
    }

    private static FlexFunException failure(CallContext context, SQLException e) {
        if (context.isCancelled()) {
            CallCancelledException cancelled = new CallCancelledException("Call of '" + context.functionName()
                    + "' was cancelled; its query was stopped.");
            cancelled.addSuppressed(e);
            return cancelled;
        }
        String message = "The query of '" + context.functionName() + "' failed: " + e.getMessage();
        if (e instanceof SQLTransientException) {
            return FlexFunException.forCode(FlexFunException.RETRY_ANYWHERE | ErrorCode.COMMAND_FAILED.code(), message)
                    .withCause(e);
        }
        return new FlexFunException(ErrorCode.COMMAND_FAILED, message, null, null, e);
    }
}
