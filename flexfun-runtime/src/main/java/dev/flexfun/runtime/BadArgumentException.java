package dev.flexfun.runtime;

/** The call's input is not acceptable (BAD_ARGUMENT); the message should say what to change. */
public class BadArgumentException extends FlexFunException {
    public BadArgumentException(String message) {
        super(ErrorCode.BAD_ARGUMENT, message);
    }

    public BadArgumentException(String message, Throwable cause) {
        super(ErrorCode.BAD_ARGUMENT, message, null, null, cause);
    }
}
