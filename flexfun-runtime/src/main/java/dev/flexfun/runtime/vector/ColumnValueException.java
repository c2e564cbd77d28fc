package dev.flexfun.runtime.vector;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;

/**
 * A value the function returned cannot be written into its column (a null in a non-nullable
 * column, a decimal that does not fit, a time out of range). The function failed: COMMAND_FAILED.
 */
public class ColumnValueException extends FlexFunException {
    /**
     * A value that does not fit its column.
     *
     * @param message the column, the row and the problem
     */
    public ColumnValueException(String message) {
        super(ErrorCode.COMMAND_FAILED, message);
    }

    /**
     * A value that does not fit its column, with the failure that revealed it.
     *
     * @param message the column, the row and the problem
     * @param cause the underlying failure
     */
    public ColumnValueException(String message, Throwable cause) {
        super(ErrorCode.COMMAND_FAILED, message, null, null, cause);
    }
}
