package dev.flexfun.server.execution;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns what a function throws into the protocol's error: our exceptions keep their code, detail and
 * body; {@link IllegalArgumentException} is BAD_ARGUMENT; anything else is COMMAND_FAILED. Stack
 * traces reach the client only when {@code flexfun.error_stack_traces} is on.
 */
public final class Failures {
    private final boolean stackTraces;

    public Failures(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    public FlexFunException ofFunction(String functionName, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof FlexFunException f) {
            return f;
        }
        if (cause instanceof IllegalArgumentException) {
            return new BadArgumentException(describe(cause), cause);
        }
        if (cause instanceof org.apache.arrow.memory.OutOfMemoryException) {
            // The server's Arrow memory (flexfun.arrow_memory_limit_mb) is taken by other calls: another server may have room.
            return new FlexFunException(ErrorCode.BACKPRESSURE, "Call of '" + functionName + "' needed more Arrow memory than"
                    + " the server has free (flexfun.arrow_memory_limit_mb): " + sentence(describe(cause))
                    + " Retry later or on another server.", null, null, cause);
        }
        if (cause instanceof InterruptedException) {
            return new CallCancelledException("Call of '" + functionName + "' was interrupted.");
        }
        return new FlexFunException(ErrorCode.COMMAND_FAILED, "Function '" + functionName + "' failed: " + describe(cause),
                stackTraces ? stackTrace(cause) : null, null, cause);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** {@code text} ending in one full stop (Arrow's messages end with one, most others do not). */
    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
