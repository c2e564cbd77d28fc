package dev.flexfun.server.protocol;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;

/**
 * A protocol error of the server that must be answered with a particular Flight status rather than
 * its code's usual one (e.g. COMMAND_CANCELLED as the answer to a cancel descriptor is {@code Cancelled}).
 */
public class FlightStatusException extends FlexFunException {

    public FlightStatusException(FlightStatus status, ErrorCode code, String message) {
        this(status, code, message, null);
    }

    public FlightStatusException(FlightStatus status, ErrorCode code, String message, byte[] body) {
        super(code, message, body, status.asFunctionStatus());
    }
}
