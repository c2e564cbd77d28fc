package dev.flexfun.server.protocol;

import dev.flexfun.runtime.FlexFunStatus;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * The Flight status of an error, as the reference server names it in {@code x-arrow-status-detail-bin}
 * and in the gRPC status message; it decides the gRPC status code and so the client's exception class.
 */
public enum FlightStatus {
    FAILED("Failed", FlightStatusCode.UNKNOWN, FlexFunStatus.FAILED),
    TIMED_OUT("TimedOut", FlightStatusCode.TIMED_OUT, FlexFunStatus.TIMED_OUT),
    CANCELLED("Cancelled", FlightStatusCode.CANCELLED, FlexFunStatus.CANCELLED),
    INTERNAL("Internal", FlightStatusCode.INTERNAL, FlexFunStatus.INTERNAL),
    UNAVAILABLE("Unavailable", FlightStatusCode.UNAVAILABLE, FlexFunStatus.UNAVAILABLE),
    UNAUTHENTICATED("Unauthenticated", FlightStatusCode.UNAUTHENTICATED, FlexFunStatus.UNAUTHENTICATED),
    UNAUTHORIZED("Unauthorized", FlightStatusCode.UNAUTHORIZED, FlexFunStatus.UNAUTHORIZED);

    private final String wireName;
    private final FlightStatusCode code;
    private final FlexFunStatus functionStatus;

    FlightStatus(String wireName, FlightStatusCode code, FlexFunStatus functionStatus) {
        this.wireName = wireName;
        this.code = code;
        this.functionStatus = functionStatus;
    }

    /** The Flight status a function chose with {@code FlexFunException.withStatus}. */
    public static FlightStatus of(FlexFunStatus status) {
        for (FlightStatus flight : values()) {
            if (flight.functionStatus == status) {
                return flight;
            }
        }
        throw new IllegalArgumentException("No Flight status for " + status);
    }

    /** The same status as functions name it. */
    public FlexFunStatus asFunctionStatus() {
        return functionStatus;
    }

    /** The name sent on the wire, e.g. {@code TimedOut}. */
    public String wireName() {
        return wireName;
    }

    public FlightStatusCode code() {
        return code;
    }
}
