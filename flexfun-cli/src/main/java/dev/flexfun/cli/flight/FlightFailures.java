package dev.flexfun.cli.flight;

import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Turns a failed RPC into what the user reads and the exit code: a server's ErrorInfo as its code
 * name, message and detail, one line each (exit 1); otherwise what the transport says, classed as
 * a connection failure (3), refused credentials (4), the {@code --timeout} (5) or a server error (1).
 */
public final class FlightFailures {
    private FlightFailures() {
    }

    /**
     * {@return the failure the user reads for a failed RPC, with its exit code}
     *
     * @param e the failed RPC's error
     * @param url the server's URL, named when it cannot be reached
     */
    public static CliFailure of(FlightRuntimeException e, String url) {
        Optional<ErrorInfo> info = errorInfo(e);
        if (info.isPresent()) {
            return new CliFailure(ExitCode.SERVER_ERROR, lines(info.get()));
        }
        return switch (e.status().code()) {
            case UNAVAILABLE -> new CliFailure(ExitCode.CONNECTION, List.of(
                    "flexfun: cannot connect to " + url + ": " + rootCause(e),
                    "Is the server running there (./run-server.sh)? With TLS use grpc+tls:// and --tls-root-cert."));
            case UNAUTHENTICATED, UNAUTHORIZED -> new CliFailure(ExitCode.AUTHENTICATION, List.of(
                    "flexfun: the server refused the credentials: " + serverMessage(e),
                    "Set the token in $" + ConnectionOptions.DEFAULT_TOKEN_ENV + " (or --token-env VAR, --token)."));
            case TIMED_OUT -> new CliFailure(ExitCode.TIMEOUT, "flexfun: --timeout passed: " + serverMessage(e));
            default -> new CliFailure(ExitCode.SERVER_ERROR, List.of("error: " + e.status().code(),
                    "message: " + serverMessage(e)));
        };
    }

    /** The ErrorInfo of {@code e}, if it carries one; the POLL and COMMAND_CANCELLED checks use it too. */
    static Optional<ErrorInfo> errorInfo(FlightRuntimeException e) {
        try {
            return FlightErrors.errorInfoOf(e);
        } catch (IllegalArgumentException notErrorInfo) {
            return Optional.empty();
        }
    }

    static boolean hasCode(FlightRuntimeException e, ErrorCode code) {
        return errorInfo(e).map(i -> i.code() == code.code()).orElse(false);
    }

    private static List<String> lines(ErrorInfo info) {
        List<String> lines = new ArrayList<>();
        lines.add("error: " + ErrorCode.of(info.code()).map(Enum::name).orElse("code " + info.code()));
        lines.add("message: " + info.msg());
        if (info.detail() != null && !info.detail().isEmpty()) {
            lines.add("detail: " + info.detail());
        }
        return lines;
    }

    private static String serverMessage(FlightRuntimeException e) {
        String description = e.status().description();
        return description == null || description.isEmpty() ? String.valueOf(e.getMessage()) : description;
    }

    /** gRPC says "io exception" or "UNAVAILABLE"; the cause says "Connection refused: /127.0.0.1:1". */
    private static String rootCause(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        if (deepest == e || message == null) {
            return serverMessage((FlightRuntimeException) e);
        }
        return message;
    }
}
