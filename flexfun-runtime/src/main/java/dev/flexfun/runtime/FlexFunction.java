package dev.flexfun.runtime;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The contract between the server and a FlexFunction.
 *
 * <p>The annotation processor implements it for every {@code @FlexFun} method (an adapter that
 * writes the method's records into Arrow vectors). A user may also implement it by hand, annotate
 * the class with {@code @FlexFun}, and return Arrow data directly.
 *
 * <p>Instances are shared by all calls and must be thread-safe; per-call state lives in what
 * {@link #call} returns.
 */
public interface FlexFunction {

    /** {@return the name clients call the function by} */
    String name();

    /** {@return the full, fixed schema of the function's result} */
    Schema schema();

    /** {@return a human-readable description, or the empty string} */
    default String description() {
        return "";
    }

    /** {@return the function's metadata as a compact JSON object, or {@code null} when it has none} */
    default String metadataJson() {
        return null;
    }

    /**
     * Checks that {@link #call} would accept this call, without running the function: its
     * parameters bind, its {@code columns} hint names existing columns, its execution context (if
     * required) is there and well formed. The server calls it in the deferred invocation mode, where
     * GetFlightInfo answers before the function runs, so that a bad call still fails there.
     *
     * <p>Generated adapters bind every parameter exactly as {@link #call} does and discard the values.
     * A hand-written function may override it; by default nothing is checked here, and its own
     * checks happen when it runs.
     *
     * @param context the call, as {@link #call} would receive it
     * @throws IllegalArgumentException or {@link FlexFunException} (e.g. {@link BadArgumentException})
     *     when the call is not acceptable
     * @throws Exception anything else a hand-written check throws fails the call with COMMAND_FAILED
     */
    default void checkCall(CallContext context) throws Exception {
    }

    /**
     * Runs the function for one call. Runs on the server's task pool during GetFlightInfo, so
     * exceptions thrown here reach the client as the call's error. The returned result is read
     * (possibly lazily) by DoGet and closed by the server when it is no longer kept.
     *
     * @param context the call: parameters, columns, headers, cancellation, allocator
     * @return the result, which the server reads in DoGet and closes
     * @throws IllegalArgumentException or {@link FlexFunException} when the input is not acceptable
     *     (BAD_ARGUMENT, or the exception's own code)
     * @throws Exception anything else fails the call with COMMAND_FAILED
     */
    FlexResult call(CallContext context) throws Exception;
}
