package dev.flexfun.server.lifecycle;

/** The JVM lacks flags Arrow needs; the message names them and where to add them (no stack trace needed). */
public final class MissingJvmFlagsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingJvmFlagsException(String message) {
        super(message);
    }
}
