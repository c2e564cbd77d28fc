package dev.flexfun.runtime;

/** The call's input is not acceptable (BAD_ARGUMENT); the message should say what to change. */
public class BadArgumentException extends FlexFunException {
    /**
     * A rejected input.
     *
     * @param message what is wrong with the input and what to change
     */
    public BadArgumentException(String message) {
        super(ErrorCode.BAD_ARGUMENT, message);
    }

    /**
     * A rejected input, with the failure that revealed it.
     *
     * @param message what is wrong with the input and what to change
     * @param cause the underlying failure (logged, not sent)
     */
    public BadArgumentException(String message, Throwable cause) {
        super(ErrorCode.BAD_ARGUMENT, message, null, null, cause);
    }
}
