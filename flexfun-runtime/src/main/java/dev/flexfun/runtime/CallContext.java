package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.context.ExecutionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What one call of a function knows: its parameters, the {@code columns} hint, the call's headers,
 * and a cancellation signal the function should poll in long loops.
 *
 * <p>Tests of a function build one with {@link #builder()}.
 */
public interface CallContext {

    /** {@return the name of the called function} */
    String functionName();

    /** {@return the server's id for this call (the task id), or a fixed value outside a server} */
    String taskId();

    /** {@return the call's {@code parameters} object, whole; an empty object when the call had none} */
    JsonNode parameters();

    /**
     * {@return the {@code parameters.columns} hint: the columns the caller needs, in the caller's
     * order}
     * Empty when the call did not restrict columns.
     */
    Optional<List<String>> columns();

    /**
     * The call's {@code parameters.executionContext}, parsed; empty when the call has none. A
     * context built by {@link #builder()} parses it once, on first use, and caches the outcome.
     *
     * @return the parsed execution context, or empty when the call has none
     * @throws BadArgumentException when the execution context is present but malformed; the
     *     message names the JSON path
     */
    default Optional<ExecutionContext> executionContext() {
        return ExecutionContext.fromParameters(parameters());
    }

    /**
     * The call's execution context, for functions that cannot work without one.
     *
     * @return the parsed execution context
     * @throws BadArgumentException when the call has none or it is malformed
     */
    default ExecutionContext requireExecutionContext() {
        return executionContext().orElseThrow(() -> new BadArgumentException("This function needs "
                + ExecutionContext.PATH + " (the GoodData execution context), but the call of '" + functionName()
                + "' has none."));
    }

    /** {@return the call's headers, names in lower case, without the authentication header} */
    Map<String, List<String>> headers();

    /**
     * {@return the first value of a header (name case-insensitive), if present}
     *
     * @param name the header's name, in any case
     */
    default Optional<String> header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The call's binary headers (gRPC metadata whose name ends in {@code -bin}), values as the client
     * sent them; names in lower case, {@code -bin} included. {@link #headers()} has the text headers.
     *
     * @return the binary headers by lower-case name; empty by default
     */
    default Map<String, List<byte[]>> binaryHeaders() {
        return Map.of();
    }

    /**
     * {@return a copy of the first value of a binary header (name case-insensitive), if present}
     *
     * @param name the header's name, in any case, ending in {@code -bin}
     */
    default Optional<byte[]> binaryHeader(String name) {
        List<byte[]> values = binaryHeaders().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).clone());
    }

    /**
     * Who made the call, when the server authenticates callers (authentication method {@code token});
     * empty otherwise.
     *
     * @return the authenticated caller, or empty
     */
    default Optional<Caller> caller() {
        return Optional.empty();
    }

    /**
     * When the server gives up on this call ({@code flexfun.call_deadline_ms} after it arrived) and
     * cancels it; empty outside a server unless a test sets one. Pass what is left of it on to
     * remote calls (as a request or query timeout), so they do not outlive the call.
     *
     * @return the instant the call is cancelled at, or empty when it has no deadline
     */
    default Optional<java.time.Instant> deadline() {
        return Optional.empty();
    }

    /** {@return whether the call was cancelled (client cancel, deadline, shutdown)} */
    boolean isCancelled();

    /** Throws {@link CallCancelledException} if the call was cancelled; cheap enough for every row. */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CallCancelledException("Call of '" + functionName() + "' was cancelled.");
        }
    }

    /** {@return how many rows an adapter writes per record batch} */
    int batchSize();

    /** {@return the allocator for Arrow data a hand-written function builds during {@link FlexFunction#call}} */
    BufferAllocator allocator();

    /**
     * Attaches a data-source message to the result (sent in the result schema's metadata).
     *
     * @param message the message
     */
    void addDataSourceMessage(DataSourceMessage message);

    /** {@return the messages attached so far, in order} */
    List<DataSourceMessage> dataSourceMessages();

    /** {@return a builder for contexts outside the server, e.g. in a function's unit tests} */
    static CallContextBuilder builder() {
        return new CallContextBuilder();
    }
}
