package dev.flexfun.runtime;

/**
 * How a failed call is reported to the client: the Flight status of the error, which decides the
 * client's exception class (pyarrow: {@code FlightServerError}, {@code FlightInternalError}, ...).
 * Each {@link ErrorCode} has a usual status; {@link FlexFunException#withStatus} chooses another.
 */
public enum FlexFunStatus {
    /** A "server error": the function failed or rejected its input (the usual status of a function's errors). */
    FAILED,
    /** A fault of the server itself. */
    INTERNAL,
    /** The call took too long. */
    TIMED_OUT,
    /** The call was cancelled. */
    CANCELLED,
    /** The server or what it depends on cannot serve now; a client may retry (the code's retry flags say where). */
    UNAVAILABLE,
    /** The caller is not known. */
    UNAUTHENTICATED,
    /** The caller is known but may not do this. */
    UNAUTHORIZED
}
