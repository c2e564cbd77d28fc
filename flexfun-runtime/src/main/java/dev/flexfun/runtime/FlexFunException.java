package dev.flexfun.runtime;

/**
 * An error that carries its own protocol code, detail and body; they reach the client unchanged
 * in the ErrorInfo of the failed call.
 */
public class FlexFunException extends RuntimeException {
    private final ErrorCode code;
    private final Retry retry;
    private final String detail;
    private final byte[] body;

    public FlexFunException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public FlexFunException(ErrorCode code, String message, String detail, byte[] body) {
        this(code, message, detail, body, null);
    }

    public FlexFunException(ErrorCode code, String message, String detail, byte[] body, Throwable cause) {
        this(code, Retry.NONE, message, detail, body, cause);
    }

    /**
     * An error the client may retry: {@code retry}'s flags are added to the code sent, e.g.
     * COMMAND_FAILED with {@link Retry#ANYWHERE} when a remote service was briefly unavailable.
     */
    public FlexFunException(ErrorCode code, Retry retry, String message, Throwable cause) {
        this(code, retry, message, null, null, cause);
    }

    private FlexFunException(ErrorCode code, Retry retry, String message, String detail, byte[] body,
            Throwable cause) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.retry = java.util.Objects.requireNonNull(retry, "retry");
        this.detail = detail;
        this.body = body == null ? null : body.clone();
    }

    public ErrorCode code() {
        return code;
    }

    /** The retry flags added to the code; {@link Retry#NONE} unless given. */
    public Retry retry() {
        return retry;
    }

    /** The numeric code sent in ErrorInfo: the code with the retry flags added. */
    public int wireCode() {
        return code.code() | retry.flags();
    }

    /** Extra detail for the client, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** Opaque bytes for the client (sent base64-encoded), or {@code null}. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }
}
