package dev.flexfun.runtime;

/**
 * An error that carries its own protocol code, detail and body; they reach the client unchanged
 * in the ErrorInfo of the failed call.
 */
public class FlexFunException extends RuntimeException {
    /** The protocol code the client receives. */
    private final ErrorCode code;
    /** Extra detail for the client, or {@code null}. */
    private final String detail;
    /** Opaque bytes for the client, or {@code null}. */
    private final byte[] body;

    /**
     * An error with a code and a message, no detail or body.
     *
     * @param code the protocol code the client receives
     * @param message what went wrong and what to do about it
     */
    public FlexFunException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    /**
     * An error with a code, a message, a detail and a body.
     *
     * @param code the protocol code the client receives
     * @param message what went wrong and what to do about it
     * @param detail extra detail for the client, or {@code null}
     * @param body opaque bytes for the client (sent base64-encoded), or {@code null}; copied
     */
    public FlexFunException(ErrorCode code, String message, String detail, byte[] body) {
        this(code, message, detail, body, null);
    }

    /**
     * An error with a code, a message, a detail, a body and a cause (logged, not sent).
     *
     * @param code the protocol code the client receives
     * @param message what went wrong and what to do about it
     * @param detail extra detail for the client, or {@code null}
     * @param body opaque bytes for the client (sent base64-encoded), or {@code null}; copied
     * @param cause the underlying failure, or {@code null}
     */
    public FlexFunException(ErrorCode code, String message, String detail, byte[] body, Throwable cause) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.detail = detail;
        this.body = body == null ? null : body.clone();
    }

    /** {@return the protocol code the client receives} */
    public ErrorCode code() {
        return code;
    }

    /** {@return extra detail for the client, or {@code null}} */
    public String detail() {
        return detail;
    }

    /** {@return a copy of the opaque bytes for the client (sent base64-encoded), or {@code null}} */
    public byte[] body() {
        return body == null ? null : body.clone();
    }
}
