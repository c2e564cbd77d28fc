package dev.flexfun.runtime.jdbc;

import dev.flexfun.runtime.CallContext;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a statement when its call is cancelled. JDBC drivers do not react to thread interrupts,
 * and a call's cancellation is a flag, so one shared daemon thread polls the flags of the running
 * queries and calls {@link Statement#cancel()}, which drivers make safe from another thread.
 */
final class StatementCanceller {
    /** How often a running query's call is checked: the most a cancel waits before the statement hears of it. */
    static final long POLL_MILLIS = 20;

    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "flexfun-jdbc-cancel");
        thread.setDaemon(true);
        return thread;
    });

    private StatementCanceller() {
    }

    /** Watches {@code statement} until the returned handle is closed. */
    static AutoCloseable watch(CallContext context, Statement statement) {
        Watch watch = new Watch(context, statement);
        watch.future = WATCHER.scheduleWithFixedDelay(watch, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private static final class Watch implements Runnable, AutoCloseable {
        private final CallContext context;
        private final Statement statement;
        private volatile ScheduledFuture<?> future;

        Watch(CallContext context, Statement statement) {
            this.context = context;
            this.statement = statement;
        }

        @Override
        public void run() {
            if (!context.isCancelled()) {
                return;
            }
            future.cancel(false); // once is enough
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement finished or closed meanwhile; the reading thread sees the cancel flag anyway
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
