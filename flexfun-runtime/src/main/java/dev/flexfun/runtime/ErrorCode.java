package dev.flexfun.runtime;

/**
 * The error codes of the FlexFunction protocol (the reference server's ErrorCode). The high 16
 * bits are retry flags: 0x10000 retry on this node, 0x20000 retry on another node, 0x30000 either.
 */
public enum ErrorCode {
    UNKNOWN(0),
    BAD_ARGUMENT(1),
    BAD_REQUEST(2),
    UNSUPPORTED_SERVICE(3),
    INVALID_TICKET(4),
    COMMAND_FAILED(5),
    COMMAND_CANCELLED(6),
    COMMAND_CANCEL_NOT_POSSIBLE(7),
    COMMAND_RESULT_CONSUMED(8),
    TIMEOUT(100),
    POLL(0x10000 + 101),
    BACKPRESSURE(0x30000 + 102),
    INTERNAL_ERROR(0x20000 + 500),
    NOT_READY(0x30000 + 501),
    SHUTTING_DOWN(0x20000 + 502),
    NOT_IMPLEMENTED(503);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The protocol code with this number, if it is one (a function may send codes of its own). */
    public static java.util.Optional<ErrorCode> of(int code) {
        for (ErrorCode known : values()) {
            if (known.code == code) {
                return java.util.Optional.of(known);
            }
        }
        return java.util.Optional.empty();
    }

    /** The numeric code sent in ErrorInfo. */
    public int code() {
        return code;
    }

    /** The code a client received as a number in ErrorInfo, if it is one of these. */
    public static java.util.Optional<ErrorCode> of(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
