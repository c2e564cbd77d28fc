package dev.flexfun.server.protocol;

import org.apache.arrow.flight.FlightStatusCode;

/**
 * The Flight status of an error, as the reference server names it in {@code x-arrow-status-detail-bin}
 * and in the gRPC status message; it decides the gRPC status code and so the client's exception class.
 */
public enum FlightStatus {
    FAILED("Failed", FlightStatusCode.UNKNOWN),
    TIMED_OUT("TimedOut", FlightStatusCode.TIMED_OUT),
    CANCELLED("Cancelled", FlightStatusCode.CANCELLED),
    INTERNAL("Internal", FlightStatusCode.INTERNAL),
    UNAVAILABLE("Unavailable", FlightStatusCode.UNAVAILABLE),
    UNAUTHENTICATED("Unauthenticated", FlightStatusCode.UNAUTHENTICATED),
    UNAUTHORIZED("Unauthorized", FlightStatusCode.UNAUTHORIZED);

    private final String wireName;
    private final FlightStatusCode code;

    FlightStatus(String wireName, FlightStatusCode code) {
        this.wireName = wireName;
        this.code = code;
    }

    /** The name sent on the wire, e.g. {@code TimedOut}. */
    public String wireName() {
        return wireName;
    }

    public FlightStatusCode code() {
        return code;
    }
}
