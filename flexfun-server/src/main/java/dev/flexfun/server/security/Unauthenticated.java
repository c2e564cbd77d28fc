package dev.flexfun.server.security;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * The error a refused call gets, as the Python reference sends it: gRPC UNAUTHENTICATED with the
 * message {@code <msg>. Detail: Unauthenticated} and the {@code x-arrow-status*} trailers (no
 * ErrorInfo). pyarrow reads the trailers to raise {@code FlightUnauthenticatedError(msg)}.
 */
public final class Unauthenticated {
    /** The Flight status name that travels in {@code x-arrow-status-detail-bin}. */
    public static final String FLIGHT_STATUS_NAME = "Unauthenticated";

    private Unauthenticated() {
    }

    public static FlightRuntimeException error(String message) {
        ErrorFlightMetadata trailers = new ErrorFlightMetadata();
        // x-arrow-status is Arrow C++'s StatusCode::IOError (5), the code Flight errors carry.
        trailers.insert("x-arrow-status", "5");
        trailers.insert("x-arrow-status-detail-bin", FLIGHT_STATUS_NAME.getBytes(StandardCharsets.UTF_8));
        trailers.insert("x-arrow-status-message-bin", message.getBytes(StandardCharsets.UTF_8));
        return CallStatus.UNAUTHENTICATED
                .withDescription(message + ". Detail: " + FLIGHT_STATUS_NAME)
                .withMetadata(trailers)
                .toRuntimeException();
    }
}
