package dev.flexfun.runtime;

/** A single-use result was read already (COMMAND_RESULT_CONSUMED). */
public class ResultConsumedException extends FlexFunException {
    public ResultConsumedException(String message) {
        super(ErrorCode.COMMAND_RESULT_CONSUMED, message);
    }
}
