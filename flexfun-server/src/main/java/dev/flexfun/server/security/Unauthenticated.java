package dev.flexfun.server.security;

import dev.flexfun.server.protocol.FlightErrors;
import dev.flexfun.server.protocol.FlightStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * The error a refused call gets, as the Python reference sends it: gRPC UNAUTHENTICATED with the
 * message {@code <msg>. Detail: Unauthenticated} and the {@code x-arrow-status*} trailers (no
 * ErrorInfo). pyarrow reads the trailers to raise {@code FlightUnauthenticatedError(msg)}.
 */
public final class Unauthenticated {
    private Unauthenticated() {
    }

    public static FlightRuntimeException error(String message) {
        return FlightErrors.withoutErrorInfo(FlightStatus.UNAUTHENTICATED, message);
    }
}
