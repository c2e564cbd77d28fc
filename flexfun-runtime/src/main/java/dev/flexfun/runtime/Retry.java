package dev.flexfun.runtime;

/**
 * The retry flags of an error code (its high 16 bits, PROTOCOL.md): whether the client may retry
 * the call, and where. A function adds them to its own errors with
 * {@link FlexFunException#FlexFunException(ErrorCode, Retry, String, Throwable)}, e.g. a remote
 * service that answered 503: {@code COMMAND_FAILED} with {@link #ANYWHERE}.
 */
public enum Retry {
    /** Retrying will not help. */
    NONE(0),
    /** Retry on this server. */
    HERE(0x10000),
    /** Retry on another server. */
    ELSEWHERE(0x20000),
    /** Retry on this or another server. */
    ANYWHERE(0x30000);

    private final int flags;

    Retry(int flags) {
        this.flags = flags;
    }

    /** The bits added to the error code. */
    public int flags() {
        return flags;
    }

    /** The flags of a numeric code as sent; a code whose flags are its own (e.g. POLL) reads as those flags. */
    public static Retry ofCode(int code) {
        int bits = code & 0x30000;
        for (Retry retry : values()) {
            if (retry.flags == bits) {
                return retry;
            }
        }
        throw new IllegalStateException("unreachable: two bits have four values");
    }
}
