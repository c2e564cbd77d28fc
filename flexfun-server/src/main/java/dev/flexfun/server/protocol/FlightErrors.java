package dev.flexfun.server.protocol;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Turns protocol errors into Flight errors shaped as the reference server sends them (docs/protocol.md,
 * "Errors"): the gRPC status of the Flight status, the message {@code "<msg>. Detail: <status>"}, and
 * four trailers. Arrow Java's {@code StatusUtils.toGrpcException} copies a {@link CallStatus}'s
 * metadata into the gRPC trailers, but adds no {@code x-arrow-*} trailer itself; pyarrow exposes
 * {@code grpc-status-details-bin} as {@code FlightError.extra_info} only when {@code x-arrow-status} is there.
 */
public final class FlightErrors {
    public static final String ERROR_INFO_TRAILER = "grpc-status-details-bin";
    public static final String ARROW_STATUS_TRAILER = "x-arrow-status";
    public static final String ARROW_STATUS_DETAIL_TRAILER = "x-arrow-status-detail-bin";
    public static final String ARROW_STATUS_MESSAGE_TRAILER = "x-arrow-status-message-bin";
    /** Arrow's StatusCode IOError, which is what a Flight status travels as. */
    static final String ARROW_IO_ERROR = "5";

    private FlightErrors() {
    }

    /** The Flight status an error code is answered with, unless the error says otherwise. */
    public static FlightStatus defaultStatus(ErrorCode code) {
        return switch (code) {
            case UNKNOWN, INTERNAL_ERROR -> FlightStatus.INTERNAL;
            case TIMEOUT, POLL -> FlightStatus.TIMED_OUT;
            case COMMAND_CANCEL_NOT_POSSIBLE -> FlightStatus.CANCELLED;
            case BACKPRESSURE, NOT_READY, SHUTTING_DOWN -> FlightStatus.UNAVAILABLE;
            default -> FlightStatus.FAILED;
        };
    }

    /**
     * The Flight error for {@code error}, carrying its ErrorInfo: its own code (retry flags included)
     * and the status it chose, else its code's usual status.
     */
    public static FlightRuntimeException toFlight(FlexFunException error) {
        FlightStatus status = error.status().map(FlightStatus::of).orElseGet(() -> defaultStatus(error.code()));
        return toFlight(status, ErrorInfo.of(error.getMessage(), error.detail(), error.numericCode(), error.body()));
    }

    public static FlightRuntimeException toFlight(FlightStatus status, ErrorInfo info) {
        ErrorFlightMetadata trailers = arrowTrailers(status, info.msg());
        trailers.insert(ERROR_INFO_TRAILER, info.toJsonBytes());
        return new CallStatus(status.code(), null, info.msg() + ". Detail: " + status.wireName(), trailers)
                .toRuntimeException();
    }

    /** An error with the {@code x-arrow-*} trailers and no ErrorInfo (e.g. authentication failures). */
    /**
     * The ErrorInfo a Flight error carries in its {@value #ERROR_INFO_TRAILER} trailer, if any: the
     * client's side of {@link #toFlight(FlightStatus, ErrorInfo)}.
     *
     * @throws IllegalArgumentException when the trailer is there but is not an ErrorInfo
     */
    public static Optional<ErrorInfo> errorInfoOf(FlightRuntimeException error) {
        ErrorFlightMetadata trailers = error.status().metadata();
        if (trailers == null || !trailers.containsKey(ERROR_INFO_TRAILER)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ErrorInfo.fromJson(trailers.getByte(ERROR_INFO_TRAILER)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The ErrorInfo trailer of " + error + " is not valid ErrorInfo JSON", e);
        }
    }

    public static FlightRuntimeException withoutErrorInfo(FlightStatus status, String msg) {
        return new CallStatus(status.code(), null, msg + ". Detail: " + status.wireName(), arrowTrailers(status, msg))
                .toRuntimeException();
    }

    private static ErrorFlightMetadata arrowTrailers(FlightStatus status, String msg) {
        ErrorFlightMetadata trailers = new ErrorFlightMetadata();
        trailers.insert(ARROW_STATUS_TRAILER, ARROW_IO_ERROR);
        trailers.insert(ARROW_STATUS_DETAIL_TRAILER, status.wireName().getBytes(StandardCharsets.UTF_8));
        trailers.insert(ARROW_STATUS_MESSAGE_TRAILER, msg.getBytes(StandardCharsets.UTF_8));
        return trailers;
    }
}
