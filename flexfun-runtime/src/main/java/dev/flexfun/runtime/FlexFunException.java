package dev.flexfun.runtime;

/**
 * An error that carries its own protocol code, detail and body; they reach the client unchanged
 * in the ErrorInfo of the failed call.
 */
public class FlexFunException extends RuntimeException {
    private final ErrorCode code;
    private final String detail;
    private final byte[] body;

    public FlexFunException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public FlexFunException(ErrorCode code, String message, String detail, byte[] body) {
        this(code, message, detail, body, null);
    }

    public FlexFunException(ErrorCode code, String message, String detail, byte[] body, Throwable cause) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.detail = detail;
        this.body = body == null ? null : body.clone();
    }

    public ErrorCode code() {
        return code;
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
