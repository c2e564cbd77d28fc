package dev.flexfun.server.execution;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.server.lifecycle.ShuttingDown;
import dev.flexfun.server.observability.ServerMetrics;
import dev.flexfun.server.observability.Tracing;
import dev.flexfun.server.protocol.RetryInfo;
import dev.flexfun.server.protocol.TaskTicket;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls run as tasks, at most {@code task_threads} at once; their results are kept by task id for
 * {@code task_result_ttl_sec} after they finish, then dropped and freed.
 *
 * <p>A call that is not pollable runs on its own gRPC thread when a task slot is free: GetFlightInfo
 * holds that thread until the call ends anyway, and handing the call to a pool thread and sleeping
 * until it finishes costs two thread wake-ups, most of a small call's latency on a busy machine. A
 * pollable call, and a call that finds every slot taken, runs on the pool ({@code flexfun-task}),
 * whose threads take a slot too, so in all at most {@code task_threads} functions run.
 */
public final class TaskExecution implements CallExecution {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecution.class);
    /** How long an allocation short of memory waits for the read results it dropped to be freed. */
    private static final long RECLAIM_WAIT_MS = 1_000;

    private final ExecutionLimits limits;
    private final FunctionInvoker invoker;
    private final Failures failures;
    private final BufferAllocator allocator;
    private final ServerMetrics metrics;
    private final Tracing tracing;
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService freeing;
    private final KeptTasks tasks = new KeptTasks();
    private final Admission admission;
    /** One per running function, on a pool thread or a gRPC thread; fair, so queued calls are not overtaken. */
    private final Semaphore slots;
    private volatile boolean shuttingDown;

    /**
     * @param allocator the parent of every call's allocator
     * @param metrics   where queued and running tasks are counted
     * @param tracing   traces each function's run
     */
    public TaskExecution(ExecutionLimits limits, FunctionInvoker invoker, Failures failures, BufferAllocator allocator,
            ServerMetrics metrics, Tracing tracing) {
        this.limits = limits;
        this.invoker = invoker;
        this.failures = failures;
        this.allocator = allocator;
        this.metrics = metrics;
        this.tracing = tracing;
        this.admission = new Admission(limits.taskThreads(), limits.taskQueueSize(), limits.callDeadline());
        this.slots = new Semaphore(limits.taskThreads(), true);
        // Admission bounds what is queued (threads + waiting calls). The queue itself must not: a call
        // handed to a thread that is free but not yet awake sits in it too, and a busy machine is slow
        // to wake threads (a bounded queue refused calls while threads were idle).
        this.pool = new ThreadPoolExecutor(limits.taskThreads(), limits.taskThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("flexfun-task"), new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, threads("flexfun-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.freeing = Executors.newFixedThreadPool(limits.closeThreads(), threads("flexfun-free"));
    }

    @Override
    public ReadyResult start(FunctionCall call, boolean pollable) {
        invoker.requestedColumns(call); // bad columns: BAD_ARGUMENT before taking a pool slot
        // A pollable call's client waits poll after poll; any other waits only as long as its own deadline.
        long callDeadline = limits.callDeadline().toNanos();
        Task task = admit(call, pollable ? callDeadline : ClientCancellation.remainingNanos(callDeadline));
        if (pollable) {
            queue(task);
            return poll(task);
        }
        // A client that gives up (cancel, disconnect, its own deadline) stops the function at once.
        try (ClientCancellation.Listening gone = ClientCancellation.onCancel(() -> task.cancelIfPending(
                new FlexFunException(ErrorCode.COMMAND_CANCELLED, "The client cancelled the call or its deadline passed.")))) {
            if (takeFreeSlot()) {
                runInSlot(task); // here: its outcome is set when this returns
            } else {
                queue(task);
                if (!task.await(limits.callDeadline())) {
                    task.cancelIfPending(deadlinePassed(task));
                }
            }
            return ready(task, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancelIfPending(new FlexFunException(ErrorCode.COMMAND_CANCELLED, "The call was interrupted."));
            throw ShuttingDown.error();
        } catch (FlexFunException e) {
            forget(task); // no ticket was handed out: nobody can ask for this task again
            throw e;
        }
    }

    /** A slot if one is free and no queued call waits for one (a fair semaphore's untimed tryAcquire would barge). */
    private boolean takeFreeSlot() throws InterruptedException {
        return slots.tryAcquire(0, TimeUnit.NANOSECONDS);
    }

    /** Runs the task on this thread in a slot already taken, then gives the slot and the admission place back. */
    private void runInSlot(Task task) {
        long ran = -1;
        try {
            ran = task.run(invoker, failures);
        } finally {
            slots.release();
            admission.left(ran);
        }
    }

    @Override
    public ReadyResult retry(String taskId) {
        return poll(existing(taskId));
    }

    @Override
    public void cancel(String taskId) {
        Task task = tasks.get(taskId);
        if (task == null) {
            return; // unknown, expired or forgotten: nothing left to cancel, and cancelling is idempotent
        }
        if (beingRead(task)) {
            throw new dev.flexfun.server.protocol.FlightStatusException(
                    dev.flexfun.server.protocol.FlightStatus.CANCELLED, ErrorCode.COMMAND_CANCEL_NOT_POSSIBLE,
                    "Task with id '" + taskId + "' cannot be cancelled: its result is being read.");
        }
        task.cancel(new FlexFunException(ErrorCode.COMMAND_CANCELLED, "Task with id '" + taskId + "' was cancelled."));
        tasks.evictable(task);
    }

    @Override
    public boolean dropReadResults() {
        List<Task> dropped = tasks.forgetEvictable();
        if (dropped.isEmpty()) {
            return false;
        }
        // Results are freed on the freeing threads: wait for them, briefly, so that the retry finds the room.
        // One a repeated read still holds is freed when that read ends: not worth waiting for.
        CompletableFuture<?>[] frees = dropped.stream().filter(task -> !beingRead(task)).map(Task::freed)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(frees).get(RECLAIM_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            // the freeing threads are slow (a function's close): retry with what is free now
        }
        LOG.atInfo().addKeyValue("results", dropped.size()).log("read_results_dropped: Arrow memory ran short;"
                + " dropped the results kept for a repeated read");
        return true;
    }

    /** Whether a DoGet is reading the task's result right now. */
    private static boolean beingRead(Task task) {
        Task.Outcome outcome = task.outcome();
        return outcome != null && outcome.result() != null && outcome.result().isBeingRead();
    }

    @Override
    public ResultLease open(byte[] ticket) {
        String taskId = TaskTicket.decode(ticket);
        Task task = tasks.get(taskId);
        if (task == null) {
            throw new FlexFunException(ErrorCode.INVALID_TICKET, "The result of task '" + taskId + "' is not available: "
                    + "it does not exist, was dropped after task_result_ttl_sec, or another server ran it.");
        }
        Task.Outcome outcome = task.outcome();
        if (outcome == null) {
            throw new FlexFunException(ErrorCode.BAD_REQUEST, "Task '" + taskId + "' has not finished yet; "
                    + "read it after GetFlightInfo returned its FlightInfo.");
        }
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        // Read once, a result may make room for new ones before its TTL (GoodData reads each result once).
        return outcome.result().acquire(() -> tasks.evictable(task));
    }

    /** Drops a task's result now rather than after {@code task_result_ttl_sec} (freed once no longer read). */
    void discard(String taskId) {
        Task task = tasks.get(taskId);
        if (task != null) {
            forget(task);
        }
    }

    @Override
    public void shutdown() {
        shuttingDown = true;
        for (Task task : tasks.all()) {
            task.cancelIfPending(ShuttingDown.error());
        }
    }

    @Override
    public void close() {
        shutdown();
        for (Task task : tasks.all()) {
            forget(task);
        }
        pool.shutdownNow();
        timer.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Some functions did not stop within 10 s of being cancelled; their memory may not be freed.");
            }
            freeing.shutdown();
            if (!freeing.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Freeing results did not finish within 10 s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Admits the call (or refuses it with BACKPRESSURE) and starts its deadline; the caller runs or queues it.
     *
     * @param budgetNanos how long the call may take, from now, before its caller stops waiting
     */
    private Task admit(FunctionCall call, long budgetNanos) {
        if (shuttingDown) {
            throw ShuttingDown.error();
        }
        if (!tasks.makeRoom(limits.maxKeptResults() + admission.threads() + limits.taskQueueSize())) {
            throw new FlexFunException(ErrorCode.BACKPRESSURE, "The server keeps " + limits.maxKeptResults()
                    + " results that were not read yet (flexfun.max_kept_results). Retry later or on another server.");
        }
        if (!admission.tryAdmit(budgetNanos)) {
            throw new FlexFunException(ErrorCode.BACKPRESSURE, "The server is busy: all " + limits.taskThreads()
                    + " task threads are taken and the calls waiting for one are as many as can finish within the call"
                    + " deadline (or the client's own deadline). Retry on another server or later.");
        }
        String id = TaskIds.next();
        BufferAllocator taskAllocator = allocator.newChildAllocator("task-" + id, 0, Long.MAX_VALUE);
        Task task = new Task(id, call, taskAllocator, this::free, metrics, tracing);
        tasks.add(task);
        metrics.taskQueued(); // before it may start
        var deadline = timer.schedule(() -> task.cancelIfPending(deadlinePassed(task)),
                limits.callDeadline().toNanos(), TimeUnit.NANOSECONDS);
        task.done().thenAccept(outcome -> {
            deadline.cancel(false);
            keepFor(task, limits.resultTtl());
        });
        return task;
    }

    /** Hands an admitted task to the pool, whose thread runs it once a slot is free. */
    private void queue(Task task) {
        try {
            // The caller's context (the RPC's span) goes with the task to its thread.
            pool.execute(Context.current().wrap(() -> {
                if (task.outcome() != null) {
                    admission.left(-1); // cancelled while queued (deadline, client, shutdown): no slot needed
                    return;
                }
                try {
                    slots.acquire();
                } catch (InterruptedException closing) {
                    admission.left(-1);
                    task.cancelIfPending(ShuttingDown.error());
                    return;
                }
                runInSlot(task);
            }));
        } catch (RejectedExecutionException e) {
            // The queue is unbounded: only a pool that was shut down refuses.
            admission.left(-1);
            tasks.remove(task);
            FlexFunException refusal = ShuttingDown.error();
            task.cancelIfPending(refusal); // never ran: counts it dropped, frees its allocator, stops its deadline
            throw refusal;
        }
    }

    private void keepFor(Task task, Duration ttl) {
        try {
            task.expiresWith(timer.schedule(() -> forget(task), ttl.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException closing) {
            forget(task);
        }
    }

    private ReadyResult poll(Task task) {
        Duration sinceSubmit = Duration.ofNanos(System.nanoTime() - task.submittedNanos());
        Duration untilDeadline = limits.callDeadline().minus(sinceSubmit);
        try {
            boolean finished = task.await(min(limits.pollingInterval(), untilDeadline));
            if (!finished && untilDeadline.compareTo(limits.pollingInterval()) <= 0) {
                task.cancelIfPending(deadlinePassed(task));
                finished = true;
            }
            if (!finished) {
                throw new FlexFunException(ErrorCode.POLL, "Task '" + task.id() + "' is still running; retry with the "
                        + "retry descriptor.", null, RetryInfo.forTask(task.id()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ShuttingDown.error();
        }
        if (task.outcome().failure() != null) {
            // Kept only for this poll to read the error (a call that is not pollable is forgotten at once).
            tasks.evictable(task);
        }
        return ready(task, null);
    }

    private ReadyResult ready(Task task, FunctionCall call) {
        Task.Outcome outcome = task.outcome();
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return new ReadyResult(task.id(), task.functionName(), TaskTicket.encode(task.id()), outcome.result().schema(),
                descriptorOf(task, call));
    }

    private byte[] descriptorOf(Task task, FunctionCall call) {
        return (call != null ? call : task.call()).command().descriptorBytes();
    }

    private Task existing(String taskId) {
        Task task = tasks.get(taskId);
        if (task == null) {
            throw new BadArgumentException("Task with id '" + taskId + "' does not exist.");
        }
        return task;
    }

    private void forget(Task task) {
        tasks.forget(task);
    }

    private FlexFunException deadlinePassed(Task task) {
        return new FlexFunException(ErrorCode.TIMEOUT, "Call of '" + task.functionName() + "' did not finish within "
                + limits.callDeadline().toMillis() + " ms (flexfun.call_deadline_ms) and was cancelled.");
    }

    private void free(Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Freeing a call's result failed (a function that leaks memory shows up here)", e);
            }
        };
        try {
            freeing.execute(guarded);
        } catch (RejectedExecutionException closing) {
            guarded.run();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
