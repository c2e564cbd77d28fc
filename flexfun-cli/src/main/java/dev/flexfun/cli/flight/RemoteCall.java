package dev.flexfun.cli.flight;

import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.RetryInfo;
import dev.flexfun.server.protocol.TaskTicket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.HeaderCallOption;

/**
 * One function call: GetFlightInfo with {@code x-quiver-pollable}, following POLL answers with their
 * retry descriptor until the FlightInfo comes, then DoGet. {@link #cancel()} (Ctrl-C, {@code --timeout})
 * stops it on the server: a running or finished task with its cancel descriptor, a stream being
 * read by cancelling the stream.
 */
public final class RemoteCall {
    static final String POLLABLE_HEADER = "x-quiver-pollable";
    /** How long a cancel waits for the first GetFlightInfo to name the task (it waits one polling interval). */
    private static final Duration TASK_ID_WAIT = Duration.ofSeconds(10);
    /**
     * How far past {@code --timeout} one GetFlightInfo may run. The server answers each within its
     * polling interval (2 s by default), so the answer that names the task arrives even when the
     * deadline passes meanwhile, and the task can be cancelled; only a server that hangs is cut off.
     */
    private static final Duration POLL_GRACE = Duration.ofSeconds(10);

    private final FlightConnection connection;
    private final CallEvents events;
    private final CountDownLatch submitted = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile FlightDescriptor cancelDescriptor;
    private volatile FlightStream stream;

    /**
     * A call through {@code connection}.
     *
     * @param connection the server, with the token and deadline
     * @param events told of the call's polls, batches and end
     */
    public RemoteCall(FlightConnection connection, CallEvents events) {
        this.connection = connection;
        this.events = events;
    }

    /**
     * Runs the function: the FlightInfo of its result, after as many polls as it takes.
     *
     * @param command the FlexFunction call's command (JSON bytes)
     * @return the FlightInfo of the function's result
     * @throws CliFailure when the call was cancelled or {@code --timeout} passed while polling
     * @throws org.apache.arrow.flight.FlightRuntimeException when the server fails the call
     */
    public FlightInfo submit(byte[] command) {
        FlightDescriptor next = FlightDescriptor.command(command);
        try {
            while (true) {
                checkNotCancelled();
                try {
                    FlightInfo info = connection.client().getInfo(next, connection.options(POLL_GRACE, pollable()));
                    if (!info.getEndpoints().isEmpty()) {
                        String taskId = TaskTicket.decode(info.getEndpoints().get(0).getTicket().getBytes());
                        cancelDescriptor = RetryInfo.cancel(taskId);
                    }
                    return info;
                } catch (FlightRuntimeException e) {
                    Optional<ErrorInfo> poll = FlightFailures.errorInfo(e).filter(i -> i.code() == ErrorCode.POLL.code());
                    if (poll.isEmpty()) {
                        checkNotCancelled(); // a cancel from another thread ends the wait with COMMAND_CANCELLED
                        throw e;
                    }
                    RetryInfo.Descriptors descriptors = RetryInfo.decode(poll.get().body());
                    cancelDescriptor = descriptors.cancel();
                    submitted.countDown();
                    events.polling(descriptors.taskId());
                    connection.deadline().check();
                    next = descriptors.retry();
                }
            }
        } finally {
            submitted.countDown();
        }
    }

    /**
     * Reads the result (within {@code --timeout}), handing each batch to {@code reader}; stops after {@code limit} rows and
     * cancels the rest of the stream on the server.
     *
     * @param info the FlightInfo {@link #submit} returned
     * @param reader receives the result's schema and batches
     * @throws Exception what {@code reader} throws, or the Flight error of a failed read
     */
    public void read(FlightInfo info, BatchReader reader) throws Exception {
        FlightEndpoint endpoint = info.getEndpoints().get(0);
        checkNotCancelled();
        try (FlightStream opened = connection.clientFor(endpoint).getStream(endpoint.getTicket(), connection.options())) {
            stream = opened;
            if (cancelled) {
                opened.cancel("Cancelled by the user", null);
            }
            boolean more = true;
            boolean started = false;
            while (more && opened.next()) {
                if (!started) {
                    reader.start(opened.getRoot(), opened.getSchema());
                    started = true;
                }
                more = reader.batch(opened.getRoot());
            }
            if (!started) {
                reader.start(opened.getRoot(), opened.getSchema());
            }
            if (!more) {
                opened.cancel("The client read all it wanted (--limit)", null);
            }
            reader.finish();
        } catch (FlightRuntimeException e) {
            checkNotCancelled();
            throw e;
        } finally {
            stream = null;
            events.finished();
        }
    }

    /** Receives a result's batches; the root is the stream's, valid until the next batch. */
    public interface BatchReader {
        /**
         * Before the first batch (also for an empty result).
         *
         * @param root the stream's root, no batch loaded yet
         * @param schema the result's schema, metadata included
         * @throws Exception when the reader fails
         */
        void start(org.apache.arrow.vector.VectorSchemaRoot root, org.apache.arrow.vector.types.pojo.Schema schema)
                throws Exception;

        /**
         * The root holds the next batch.
         *
         * @param root the stream's root, holding the batch
         * @return whether to go on reading
         * @throws Exception when the reader fails
         */
        boolean batch(org.apache.arrow.vector.VectorSchemaRoot root) throws Exception;

        /**
         * After the last batch read.
         *
         * @throws Exception when the reader fails
         */
        void finish() throws Exception;
    }

    /**
     * Stops the call on the server, from any thread: the stream being read is cancelled; otherwise
     * the task (running, or finished and waiting to be read) is cancelled with its cancel descriptor.
     * Waits for the first GetFlightInfo to name the task when it has not yet.
     *
     * @return whether the server was told
     */
    public boolean cancel() {
        cancelled = true;
        FlightStream reading = stream;
        if (reading != null) {
            reading.cancel("Cancelled by the user", null);
            return true;
        }
        try {
            submitted.await(TASK_ID_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FlightDescriptor descriptor = cancelDescriptor;
        if (descriptor == null) {
            return false;
        }
        try {
            connection.client().getInfo(descriptor, connection.credentials(pollable(),
                    org.apache.arrow.flight.CallOptions.timeout(TASK_ID_WAIT.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (FlightRuntimeException expected) {
            // COMMAND_CANCELLED is the answer to a cancel descriptor; anything else: the task ended anyway.
            return FlightFailures.hasCode(expected, ErrorCode.COMMAND_CANCELLED);
        }
        return true;
    }

    /** {@return whether {@link #cancel()} was called} */
    public boolean isCancelled() {
        return cancelled;
    }

    /** After {@link #cancel()}: ends the command; whoever cancelled has said why. */
    private void checkNotCancelled() {
        if (cancelled) {
            throw new CliFailure(ExitCode.INTERRUPTED, java.util.List.of());
        }
    }

    private CallOption pollable() {
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert(POLLABLE_HEADER, "1");
        return new HeaderCallOption(headers);
    }
}
