package dev.flexfun.cli.flight;

import dev.flexfun.cli.CliFailure;
import dev.flexfun.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A Flight client to one server, with the command's token and deadline on every RPC. Results named
 * at another location (another replica's advertised address) are read through a client to that
 * location with the same TLS material. Closing it closes the clients and checks that every Arrow
 * buffer the command read was freed.
 */
public final class FlightConnection implements AutoCloseable {
    /** The TLS material: the CA to trust and the client certificate for mTLS. */
    record Tls(Optional<Path> rootCert, Optional<Path> clientCert, Optional<Path> clientKey) {
    }

    private final Location location;
    private final Tls tls;
    private final Optional<String> token;
    private final Optional<String> tokenHeader;
    private final Deadline deadline;
    private final boolean ignoreLocation;
    private final BufferAllocator allocator = new RootAllocator();
    private final Map<URI, FlightClient> clients = new ConcurrentHashMap<>();

    FlightConnection(Location location, Tls tls, Optional<String> token, Optional<String> tokenHeader,
            Deadline deadline, boolean ignoreLocation) {
        this.location = location;
        this.tls = tls;
        this.token = token;
        this.tokenHeader = tokenHeader;
        this.deadline = deadline;
        this.ignoreLocation = ignoreLocation;
    }

    /** {@return the URL the command connects to, for messages} */
    public String url() {
        return location.getUri().toString();
    }

    /** {@return the command's {@code --timeout} deadline} */
    public Deadline deadline() {
        return deadline;
    }

    /** {@return the allocator of the Arrow memory the command reads, checked when the connection closes} */
    public BufferAllocator allocator() {
        return allocator;
    }

    /** {@return the client of {@code --url}} */
    public FlightClient client() {
        return clientFor(location);
    }

    /** The client that reads {@code endpoint}: its first location, unless that is ours or ignored. */
    FlightClient clientFor(FlightEndpoint endpoint) {
        List<Location> locations = endpoint.getLocations();
        if (ignoreLocation || locations.isEmpty() || locations.get(0).getUri().getScheme().startsWith("arrow-flight-reuse")) {
            return client();
        }
        return clientFor(locations.get(0));
    }

    /**
     * {@return the token header and the time left before {@code --timeout}, plus {@code extra}}
     *
     * @param extra further options for the RPC
     * @throws CliFailure when the deadline has passed already
     */
    public CallOption[] options(CallOption... extra) {
        return options(Duration.ZERO, extra);
    }

    /** The token header and the time left before {@code --timeout} plus {@code grace}, plus {@code extra}. */
    CallOption[] options(Duration grace, CallOption... extra) {
        List<CallOption> options = new ArrayList<>(List.of(credentials(extra)));
        deadline.callOption(grace).ifPresent(options::add);
        return options.toArray(CallOption[]::new);
    }

    /** The token header plus {@code extra}, without the deadline: for cancelling after it passed. */
    CallOption[] credentials(CallOption... extra) {
        List<CallOption> options = new ArrayList<>(List.of(extra));
        token.ifPresent(t -> {
            FlightCallHeaders headers = new FlightCallHeaders();
            if (tokenHeader.isPresent()) {
                headers.insert(tokenHeader.get(), t);
            } else {
                headers.insert("authorization", "Bearer " + t);
            }
            options.add(new HeaderCallOption(headers));
        });
        return options.toArray(CallOption[]::new);
    }

    private FlightClient clientFor(Location target) {
        return clients.computeIfAbsent(target.getUri(), uri -> build(target));
    }

    private FlightClient build(Location target) {
        FlightClient.Builder builder = FlightClient.builder(allocator, target);
        List<InputStream> opened = new ArrayList<>();
        try {
            // The builder reads the streams in build().
            if (tls.rootCert().isPresent()) {
                builder.trustedCertificates(open(tls.rootCert().get(), opened));
            }
            if (tls.clientCert().isPresent() && tls.clientKey().isPresent()) {
                builder.clientCertificate(open(tls.clientCert().get(), opened), open(tls.clientKey().get(), opened));
            }
            return builder.build();
        } catch (IOException | RuntimeException e) {
            throw new CliFailure(ExitCode.USAGE, "flexfun: cannot use the TLS files: " + e.getMessage());
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read already
                }
            }
        }
    }

    private static InputStream open(Path file, List<InputStream> opened) throws IOException {
        InputStream in = Files.newInputStream(file);
        opened.add(in);
        return in;
    }

    /** @throws IllegalStateException when Arrow memory the command read was not freed (a bug) */
    @Override
    public void close() {
        for (FlightClient client : clients.values()) {
            try {
                client.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clients.clear();
        allocator.close();
    }
}
