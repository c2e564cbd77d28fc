package dev.flexfun.server;

import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.config.ServerSettings;
import dev.flexfun.server.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The one place where the Flight server is assembled from the settings. TLS, the header
 * authenticator and observability middleware (dev.flexfun.server.tls / .security / .observability)
 * plug in here; until they exist, settings that need them stop startup instead of being ignored.
 */
final class FlightServerFactory {
    private final Settings settings;

    FlightServerFactory(Settings settings) {
        this.settings = settings;
    }

    /** The location the server listens on (the scheme follows {@code use_tls}). */
    Location listenLocation() {
        ServerSettings server = settings.server();
        return server.useTls() ? Location.forGrpcTls(server.listenHost(), server.listenPort())
                : Location.forGrpcInsecure(server.listenHost(), server.listenPort());
    }

    /**
     * The location clients are sent to in FlightInfo endpoints: {@code grpc://host:port} (or
     * {@code grpc+tls://}), as the protocol spells it.
     */
    Location advertisedLocation(int boundPort) {
        ServerSettings server = settings.server();
        int port = server.advertisePort().orElse(boundPort);
        String scheme = server.useTls() ? "grpc+tls" : "grpc";
        try {
            return new Location(new URI(scheme, null, server.advertiseHost(), port, null, null, null));
        } catch (URISyntaxException e) {
            throw new ConfigException("server.advertise_host = " + server.advertiseHost() + " is not a valid host name.", e);
        }
    }

    FlightServer build(BufferAllocator allocator, FlightProducer producer) {
        FlightServer.Builder builder = FlightServer.builder(allocator, listenLocation(), producer);
        configureTls(builder);
        configureAuthentication(builder);
        builder.middleware(CallHeaders.KEY, CallHeaders.factory(hiddenHeaders()));
        return builder.build();
    }

    private void configureTls(FlightServer.Builder builder) {
        if (settings.server().useTls()) {
            throw new ConfigException("server.use_tls = true is not supported by this build yet (TLS is "
                    + "dev.flexfun.server.tls); set it to false or use a build with TLS.");
        }
    }

    private void configureAuthentication(FlightServer.Builder builder) {
        if (ServerSettings.AUTH_TOKEN.equals(settings.server().authenticationMethod())) {
            throw new ConfigException("server.authentication_method = token is not supported by this build yet "
                    + "(token authentication is dev.flexfun.server.security); set it to none or use a build with it.");
        }
    }

    /** Credentials never reach functions. */
    private Set<String> hiddenHeaders() {
        Set<String> hidden = new HashSet<>();
        hidden.add("authorization");
        settings.server().tokenHeaderName().ifPresent(h -> hidden.add(h.toLowerCase(Locale.ROOT)));
        return hidden;
    }
}
