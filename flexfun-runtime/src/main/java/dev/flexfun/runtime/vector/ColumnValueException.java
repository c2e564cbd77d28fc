package dev.flexfun.runtime.vector;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;

/**
 * A value the function returned cannot be written into its column (a null in a non-nullable
 * column, a decimal that does not fit, a time out of range). The function failed: COMMAND_FAILED.
 */
public class ColumnValueException extends FlexFunException {
    public ColumnValueException(String message) {
        super(ErrorCode.COMMAND_FAILED, message);
    }

    public ColumnValueException(String message, Throwable cause) {
        super(ErrorCode.COMMAND_FAILED, message, null, null, cause);
    }
}
