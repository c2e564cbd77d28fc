package dev.flexfun.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * An error that carries its own protocol code, detail and body; they reach the client unchanged
 * in the ErrorInfo of the failed call.
 *
 * <p>The common cases take an {@link ErrorCode}. A function may also choose a code of its own and
 * the Flight status the client sees, as the Python reference's
 * {@code ErrorInfo.for_reason(..).with_detail(..).with_body(..)} allows:
 *
 * <pre>{@code
 * throw FlexFunException.forCode(FlexFunException.RETRY_ANYWHERE | 1001, "The warehouse is busy.")
 *         .withDetail("Query queue full")
 *         .withBody(retryAfterJson)
 *         .withStatus(FlexFunStatus.UNAVAILABLE);
 * }</pre>
 *
 * Each {@code with..} method returns a new exception (this one is not changed) that keeps this one's
 * stack trace, so the error points where it was made.
 */
public class FlexFunException extends RuntimeException {
    /** Retry flag of a code: the client may retry on the same server. */
    public static final int RETRY_HERE = 0x10000;
    /** Retry flag of a code: the client may retry on another server. */
    public static final int RETRY_ELSEWHERE = 0x20000;
    /** Retry flags of a code: the client may retry on this or another server. */
    public static final int RETRY_ANYWHERE = RETRY_HERE | RETRY_ELSEWHERE;
    private static final int MAX_CODE = RETRY_ANYWHERE | 0xFFFF;

    /** The code sent in ErrorInfo, retry flags included. */
    private final int code;
    /** Extra detail for the client, or {@code null}. */
    private final String detail;
    /** Opaque bytes for the client, or {@code null}. */
    private final byte[] body;
    /** The status the client sees, or {@code null} for the code's usual one. */
    private final FlexFunStatus status;

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
        this(Objects.requireNonNull(code, "code").code(), message, detail, body, null, cause);
    }

    /**
     * For errors that must be answered with a particular status (e.g. the server's answer to a cancel).
     *
     * @param code the protocol code the client receives
     * @param message what went wrong and what to do about it
     * @param body opaque bytes for the client (sent base64-encoded), or {@code null}; copied
     * @param status the Flight status the client sees, or {@code null} for the code's usual one
     */
    protected FlexFunException(ErrorCode code, String message, byte[] body, FlexFunStatus status) {
        this(Objects.requireNonNull(code, "code").code(), message, null, body, status, null);
    }

    private FlexFunException(int code, String message, String detail, byte[] body, FlexFunStatus status,
            Throwable cause) {
        super(message, cause);
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException("An error code is 0.." + MAX_CODE + ": a number below 0x10000, plus"
                    + " optionally the retry flags RETRY_HERE, RETRY_ELSEWHERE or RETRY_ANYWHERE; was " + code + ".");
        }
        this.code = code;
        this.detail = detail;
        this.body = body == null ? null : body.clone();
        this.status = status;
    }

    /**
     * An error with a code of your own: a number below {@code 0x10000}, plus the retry flags
     * ({@link #RETRY_HERE}, {@link #RETRY_ELSEWHERE}, {@link #RETRY_ANYWHERE}) when a retry may help.
     * Its status is that of the protocol code with that number, or {@link FlexFunStatus#FAILED}.
     *
     * @param code the number the client receives, retry flags included
     * @param message what went wrong and what to do about it
     * @return the new error, with no detail, body or cause
     * @throws IllegalArgumentException when {@code code} is negative or beyond the retry flags
     */
    public static FlexFunException forCode(int code, String message) {
        return new FlexFunException(code, message, null, null, null, null);
    }

    /**
     * {@return the same error with {@code detail} for the client (at most 512 characters reach it)}
     *
     * @param detail extra detail for the client, or {@code null} for none
     */
    public FlexFunException withDetail(String detail) {
        return copy(code, detail, body, status, getCause());
    }

    /**
     * {@return the same error with opaque bytes for the client (sent base64-encoded), e.g. JSON your client reads}
     *
     * @param body the bytes, or {@code null} for none; copied
     */
    public FlexFunException withBody(byte[] body) {
        return copy(code, detail, body, status, getCause());
    }

    /**
     * {@return the same error, reported to the client with {@code status} instead of its code's usual one}
     *
     * @param status the Flight status the client sees; not {@code null}
     */
    public FlexFunException withStatus(FlexFunStatus status) {
        return copy(code, detail, body, Objects.requireNonNull(status, "status"), getCause());
    }

    /**
     * {@return the same error, caused by {@code cause} (logged on the server; not sent to the client)}
     *
     * @param cause the underlying failure, or {@code null}
     */
    public FlexFunException withCause(Throwable cause) {
        return copy(code, detail, body, status, cause);
    }

    private FlexFunException copy(int newCode, String newDetail, byte[] newBody, FlexFunStatus newStatus,
            Throwable newCause) {
        FlexFunException copy = new FlexFunException(newCode, getMessage(), newDetail, newBody, newStatus, newCause);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * The protocol's name for this error's code; a code of the function's own (see {@link #forCode}) is
     * reported as {@link ErrorCode#COMMAND_FAILED}, the kind of error it is. {@link #numericCode()} is
     * the number the client receives.
     *
     * @return the protocol code, or {@link ErrorCode#COMMAND_FAILED} for a code of the function's own
     */
    public ErrorCode code() {
        return ErrorCode.of(code).orElse(ErrorCode.COMMAND_FAILED);
    }

    /** {@return the code sent in ErrorInfo, retry flags included} */
    public int numericCode() {
        return code;
    }

    /** {@return the code's name for logs and metrics: the {@link ErrorCode} name, or {@code CODE_<number>} for your own} */
    public String codeName() {
        return ErrorCode.of(code).map(Enum::name).orElse("CODE_" + code);
    }

    /** {@return the status chosen with {@link #withStatus}; empty means the code's usual one} */
    public Optional<FlexFunStatus> status() {
        return Optional.ofNullable(status);
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
