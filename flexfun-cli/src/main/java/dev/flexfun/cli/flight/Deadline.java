package dev.flexfun.cli.flight;

import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallOptions;

/** {@code --timeout}: one deadline for the whole command; every RPC gets what is left of it. */
public final class Deadline {
    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }

    /**
     * {@return a deadline {@code timeout} from now (or no deadline when empty)}
     *
     * @param timeout the {@code --timeout}, if given
     */
    public static Deadline after(Optional<Duration> timeout) {
        return new Deadline(timeout.orElse(null));
    }

    /**
     * The time left plus {@code grace} as a gRPC deadline, or nothing without {@code --timeout}.
     *
     * @throws CliFailure when the deadline has passed already
     */
    Optional<CallOption> callOption(Duration grace) {
        if (timeout == null) {
            return Optional.empty();
        }
        check();
        long leftMs = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()) + 1;
        return Optional.of(CallOptions.timeout(leftMs + grace.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** @throws CliFailure (exit {@link ExitCode#TIMEOUT}) once the deadline has passed */
    public void check() {
        if (timeout != null && System.nanoTime() - endNanos >= 0) {
            throw expired();
        }
    }

    /** {@return the failure (exit {@link ExitCode#TIMEOUT}) that ends a command whose deadline passed} */
    public CliFailure expired() {
        return new CliFailure(ExitCode.TIMEOUT, "flexfun: --timeout " + timeout.toString().substring(2).toLowerCase()
                + " passed before the command finished.");
    }
}
