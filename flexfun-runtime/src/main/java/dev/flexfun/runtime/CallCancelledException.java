package dev.flexfun.runtime;

/** Thrown inside a call that was cancelled, to unwind the function quickly (COMMAND_CANCELLED). */
public class CallCancelledException extends FlexFunException {
    /**
     * A cancelled call.
     *
     * @param message why the call ended, e.g. which deadline passed
     */
    public CallCancelledException(String message) {
        super(ErrorCode.COMMAND_CANCELLED, message);
    }
}
