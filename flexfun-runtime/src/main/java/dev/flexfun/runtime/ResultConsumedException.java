package dev.flexfun.runtime;

/** A single-use result was read already (COMMAND_RESULT_CONSUMED). */
public class ResultConsumedException extends FlexFunException {
    /**
     * A second read of a single-use result.
     *
     * @param message which result was read again
     */
    public ResultConsumedException(String message) {
        super(ErrorCode.COMMAND_RESULT_CONSUMED, message);
    }
}
