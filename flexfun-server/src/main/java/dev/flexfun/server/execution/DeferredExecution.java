package dev.flexfun.server.execution;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.Caller;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.server.protocol.CallTickets;
import dev.flexfun.server.protocol.Command;
import dev.flexfun.server.protocol.CommandParser;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The deferred invocation mode: GetFlightInfo checks a call without running it and answers a signed
 * ticket that carries the call ({@link CallTickets}); DoGet, on whichever replica it reaches, verifies
 * the ticket and the caller, then runs the call and streams its result. Nothing is kept between the
 * two RPCs, so replicas behind a per-call load balancer can serve any ticket.
 *
 * <p>DoGet runs the call through {@link TaskExecution} (the same pool, admission, deadline, metrics,
 * logs and traces as eager calls), reads its result once and drops it at once. The call deadline
 * covers the function's run and its first batch.
 */
public final class DeferredExecution implements CallExecution {
    private final TaskExecution tasks;
    private final CallTickets tickets;
    private final FunctionInvoker invoker;
    private final Failures failures;
    private final CommandParser parser;
    private final Function<String, Optional<FlexFunction>> functions;
    private final Duration callDeadline;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * @param tasks     runs the calls DoGet brings; closed with this
     * @param functions finds a function by name (the server's catalog)
     */
    public DeferredExecution(TaskExecution tasks, CallTickets tickets, FunctionInvoker invoker, Failures failures,
            CommandParser parser, Function<String, Optional<FlexFunction>> functions, Duration callDeadline) {
        this.tasks = tasks;
        this.tickets = tickets;
        this.invoker = invoker;
        this.failures = failures;
        this.parser = parser;
        this.functions = functions;
        this.callDeadline = callDeadline;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "flexfun-first-batch-deadline");
            thread.setDaemon(true);
            return thread;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public boolean dropReadResults() {
        return tasks.dropReadResults();
    }

    /** Answers at once, pollable or not: nothing runs here. */
    @Override
    public ReadyResult start(FunctionCall call, boolean pollable) {
        Schema schema;
        try {
            schema = invoker.check(call);
        } catch (Exception e) {
            throw failures.ofFunction(call.function().name(), e);
        }
        byte[] ticket = tickets.sign(call.command().descriptorBytes(), callerId(call.caller()));
        return new ReadyResult(null, call.function().name(), ticket, schema, call.command().descriptorBytes());
    }

    @Override
    public ReadyResult retry(String taskId) {
        throw noTasks(taskId);
    }

    /** Nothing to cancel: no task waits here. Cancel is idempotent, so it answers as for a finished task. */
    @Override
    public void cancel(String taskId) {
    }

    @Override
    public ResultLease open(byte[] ticket) {
        throw new IllegalStateException("a deferred ticket runs for the DoGet's caller: use open(ticket, origin)");
    }

    @Override
    public ResultLease open(byte[] ticket, Supplier<CallOrigin> originOfDoGet) {
        long startNanos = System.nanoTime();
        CallOrigin origin = originOfDoGet.get();
        CallTickets.Contents contents = tickets.verify(ticket);
        // A ticket is not a bearer credential: only the caller it was issued to may read it.
        if (!Objects.equals(contents.callerId(), Optional.ofNullable(callerId(origin.caller())))) {
            throw new FlexFunException(ErrorCode.INVALID_TICKET, contents.callerId().isPresent()
                    ? "The ticket was issued to another caller; call GetFlightInfo with your own credentials."
                    : "The ticket was issued without authentication, but this server authenticates callers "
                            + "(server.authentication_method must be the same on every replica).");
        }
        // Not pollable: a command is all a ticket can carry.
        Command.Invoke invoke = (Command.Invoke) parser.parse(contents.command(), false);
        FlexFunction function = functions.apply(invoke.functionName()).orElseThrow(() -> new BadArgumentException(
                "Function '" + invoke.functionName() + "' does not exist on this server, which another replica "
                        + "issued the ticket for; every replica must serve the same functions."));
        ReadyResult ready = tasks.start(new FunctionCall(function, invoke, origin.headers(), origin.binaryHeaders(),
                origin.caller(), origin.peer()), false);
        ResultLease lease = tasks.open(ready.ticket());
        Duration left = callDeadline.minusNanos(System.nanoTime() - startNanos);
        return new FirstBatchDeadline(lease, left, callDeadline, timer, () -> tasks.discard(ready.taskId()));
    }

    @Override
    public void shutdown() {
        tasks.shutdown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        tasks.close();
    }

    private static String callerId(Caller caller) {
        return caller == null ? null : caller.id();
    }

    private static BadArgumentException noTasks(String taskId) {
        return new BadArgumentException("Task with id '" + taskId + "' does not exist: this server runs calls in "
                + "deferred mode, where GetFlightInfo answers at once and leaves no task to poll or cancel.");
    }
}
