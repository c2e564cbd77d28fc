package dev.flexfun.server.execution;

import java.util.function.Supplier;

/**
 * The seam between the Flight methods and how calls run. The Flight producer only asks to start a
 * call (GetFlightInfo), to wait for or cancel it (polling extension) and to open a ticket's result
 * (DoGet). {@link TaskExecution} runs calls on a task pool during GetFlightInfo and keeps their
 * results; a deferred mode (the ticket carries the call, DoGet runs it, so any replica can serve it)
 * is another implementation of this interface.
 */
public interface CallExecution extends AutoCloseable {

    /**
     * Starts {@code call} and waits for it: at most {@code flexfun.call_deadline_ms}, or, when
     * {@code pollable}, at most {@code flexfun.polling_interval_ms} before failing with POLL.
     *
     * @throws dev.flexfun.runtime.FlexFunException the call's error (protocol code included)
     */
    ReadyResult start(FunctionCall call, boolean pollable);

    /** Waits another polling interval for a started call ({@code r:<task id>}). */
    ReadyResult retry(String taskId);

    /**
     * Cancels a started call ({@code c:<task id>}), dropping its result if it has one. Idempotent, as
     * in the reference: a task that is unknown, finished or expired is simply not there any more.
     *
     * @throws dev.flexfun.runtime.FlexFunException when the task's result is being read (too late to cancel)
     */
    void cancel(String taskId);

    /** Opens the result a ticket names, for DoGet; close the lease when done reading. */
    ResultLease open(byte[] ticket);

    /**
     * {@link #open(byte[])} for a DoGet from {@code origin}. Where DoGet runs the call the ticket
     * carries (deferred mode), the call runs for that caller with that DoGet's headers; a result that
     * GetFlightInfo made does not depend on them, so only the deferred mode asks for the origin (on
     * the DoGet's own thread), and other DoGets do not copy their headers.
     */
    default ResultLease open(byte[] ticket, Supplier<CallOrigin> origin) {
        return open(ticket);
    }

    /**
     * Drops the results that were read already and are kept only in case a client reads them again,
     * and waits a moment for their memory to be freed: the server ran short of Arrow memory.
     *
     * @return whether anything was dropped (an allocation that failed is worth trying again)
     */
    default boolean dropReadResults() {
        return false;
    }

    /** Stops accepting calls and cancels those not finished (SHUTTING_DOWN). */
    void shutdown();

    /** Drops every result and frees everything. */
    @Override
    void close();
}
