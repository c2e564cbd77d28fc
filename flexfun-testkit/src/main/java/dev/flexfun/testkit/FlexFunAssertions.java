package dev.flexfun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightErrors;
import java.util.Optional;
import org.apache.arrow.flight.FlightRuntimeException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the protocol errors a call fails with (the ErrorInfo of docs/protocol.md, "Errors"). */
public final class FlexFunAssertions {
    private FlexFunAssertions() {
    }

    /**
     * Asserts that {@code call} fails with a Flight error whose ErrorInfo has {@code code} and a
     * {@code msg} containing {@code messagePart}.
     *
     * @param code the error code the ErrorInfo must carry
     * @param messagePart a part of the message the ErrorInfo must carry
     * @param call the call that must fail
     * @return the ErrorInfo, for further checks
     */
    public static ErrorInfo assertFails(ErrorCode code, String messagePart, Executable call) {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, call,
                () -> "expected the call to fail with " + code);
        ErrorInfo info = errorInfo(e).orElseGet(() -> fail("The Flight error carries no ErrorInfo: " + e));
        assertEquals(code.name(), nameOf(info.code()), () -> "error code of " + info);
        assertTrue(info.msg().contains(messagePart),
                () -> "expected the message to contain '" + messagePart + "', was: " + info.msg());
        return info;
    }

    /**
     * Like {@link #assertFails(ErrorCode, String, Executable)} for a code a function chose itself
     * ({@code FlexFunException.forCode}), e.g. {@code RETRY_ANYWHERE | COMMAND_FAILED.code()}: the
     * number sent must be {@code numericCode}, retry flags included.
     *
     * @param numericCode the number the ErrorInfo must carry, retry flags included
     * @param messagePart a part of the message the ErrorInfo must carry
     * @param call the call that must fail
     * @return the ErrorInfo, for further checks
     */
    public static ErrorInfo assertFails(int numericCode, String messagePart, Executable call) {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, call,
                () -> "expected the call to fail with code " + numericCode);
        ErrorInfo info = errorInfo(e).orElseGet(() -> fail("The Flight error carries no ErrorInfo: " + e));
        assertEquals(numericCode, info.code(), () -> "error code of " + info);
        assertTrue(info.msg().contains(messagePart),
                () -> "expected the message to contain '" + messagePart + "', was: " + info.msg());
        return info;
    }

    /**
     * {@return the ErrorInfo a Flight error carries ({@code grpc-status-details-bin}), if any}
     *
     * @param e the Flight error a call failed with
     * @throws AssertionError when the error's details are not a valid ErrorInfo
     */
    public static Optional<ErrorInfo> errorInfo(FlightRuntimeException e) {
        try {
            return FlightErrors.errorInfoOf(e);
        } catch (IllegalArgumentException notErrorInfo) {
            throw new AssertionError(notErrorInfo.getMessage(), notErrorInfo.getCause());
        }
    }

    /** The code's name, so a failed assertion reads "BAD_ARGUMENT" rather than "1". */
    private static String nameOf(int code) {
        return ErrorCode.of(code).map(Enum::name).orElse(String.valueOf(code));
    }
}
