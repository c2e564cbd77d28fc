package dev.flexfun.server.protocol;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;

/**
 * A protocol error that must be answered with a particular Flight status rather than its code's
 * usual one (e.g. COMMAND_CANCELLED as the answer to a cancel descriptor is {@code Cancelled}).
 */
public class FlightStatusException extends FlexFunException {
    private final FlightStatus status;

    public FlightStatusException(FlightStatus status, ErrorCode code, String message) {
        this(status, code, message, null);
    }

    public FlightStatusException(FlightStatus status, ErrorCode code, String message, byte[] body) {
        super(code, message, null, body);
        this.status = java.util.Objects.requireNonNull(status);
    }

    public FlightStatus status() {
        return status;
    }
}
