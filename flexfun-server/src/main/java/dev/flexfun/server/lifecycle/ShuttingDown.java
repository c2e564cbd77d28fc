package dev.flexfun.server.lifecycle;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;

/** The error of every call that a graceful shutdown refuses or stops. */
public final class ShuttingDown {
    private ShuttingDown() {
    }

    public static FlexFunException error() {
        return new FlexFunException(ErrorCode.SHUTTING_DOWN, "The server is shutting down; retry on another server.");
    }
}
