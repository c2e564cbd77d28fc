package dev.flexfun.runtime;

import java.util.Optional;

/**
 * The error codes of the FlexFunction protocol (the reference server's ErrorCode). The high 16
 * bits are retry flags: 0x10000 retry on this node, 0x20000 retry on another node, 0x30000 either.
 */
public enum ErrorCode {
    /** An unexpected failure. */
    UNKNOWN(0),
    /**
     * A malformed command, ticket or parameters; an unknown function; a function rejected its
     * input.
     */
    BAD_ARGUMENT(1),
    /** A request that is not valid here. */
    BAD_REQUEST(2),
    /** A method the server does not serve. */
    UNSUPPORTED_SERVICE(3),
    /** The ticket's result is not, or no longer, there. */
    INVALID_TICKET(4),
    /** The function failed. */
    COMMAND_FAILED(5),
    /** The call was cancelled. */
    COMMAND_CANCELLED(6),
    /** A cancel came too late. */
    COMMAND_CANCEL_NOT_POSSIBLE(7),
    /** A single-use result was read already. */
    COMMAND_RESULT_CONSUMED(8),
    /** The call's deadline passed, or its reader stalled. */
    TIMEOUT(100),
    /** Not done yet: poll again, on this node. */
    POLL(0x10000 + 101),
    /** The server is overloaded: retry, on any node. */
    BACKPRESSURE(0x30000 + 102),
    /** A server fault: retry on another node. */
    INTERNAL_ERROR(0x20000 + 500),
    /** The server is still starting: retry, on any node. */
    NOT_READY(0x30000 + 501),
    /** The server is stopping: retry on another node. */
    SHUTTING_DOWN(0x20000 + 502),
    /** What was asked is not implemented. */
    NOT_IMPLEMENTED(503);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /**
     * {@return the protocol code with this number, if it is one (a function may send codes of its own)}
     *
     * @param code the number sent in ErrorInfo, retry flags included
     */
    public static Optional<ErrorCode> of(int code) {
        for (ErrorCode known : values()) {
            if (known.code == code) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** {@return the numeric code sent in ErrorInfo, retry flags included} */
    public int code() {
        return code;
    }
}
