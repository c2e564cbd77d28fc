package dev.flexfun.server;

import dev.flexfun.runtime.ServerContext;
import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.config.ServerSettings;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.observability.ServerMetrics;
import dev.flexfun.server.observability.Tracing;
import dev.flexfun.server.security.TokenAuthInterceptor;
import dev.flexfun.server.security.TokenAuthenticator;
import dev.flexfun.server.security.TokenVerifiers;
import dev.flexfun.server.tls.TlsMaterial;
import dev.flexfun.server.transport.NettyTransport;
import io.grpc.netty.NettyServerBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The one place where the Flight server is assembled from the settings: TLS (and mTLS), token
 * authentication, the call headers and call observer middleware, the peer-address interceptor, the
 * Netty transport.
 *
 * <p>Everything the settings ask for is checked when the factory is made, so a mistake stops
 * startup with a message naming the setting before anything listens.
 */
final class FlightServerFactory {
    private final Settings settings;
    private final Optional<TlsMaterial> tls;
    private final Optional<TokenAuthenticator> authenticator;

    /**
     * @param server what a custom token verifier's {@code init} receives
     * @param classLoader where token verifiers are looked for
     * @throws ConfigException when TLS material or authentication settings are unusable
     */
    FlightServerFactory(Settings settings, ServerContext server, ClassLoader classLoader) {
        this.settings = settings;
        ServerSettings s = settings.server();
        this.tls = s.useTls() ? Optional.of(TlsMaterial.of(s.tlsCertificate().orElse(null),
                s.tlsPrivateKey().orElse(null), s.useMtls(), s.tlsRootCertificate().orElse(null))) : Optional.empty();
        this.authenticator = ServerSettings.AUTH_TOKEN.equals(s.authenticationMethod())
                ? Optional.of(new TokenAuthenticator(TokenVerifiers.load(s.tokenVerification(), server, classLoader),
                        s.tokenHeaderName().orElse(null)))
                : Optional.empty();
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

    /**
     * @param rpcThreads the executor gRPC runs the Flight methods on (the caller shuts it down)
     * @param transport the event loops and socket handling under gRPC (the caller closes it after the server)
     */
    FlightServer build(BufferAllocator allocator, FlightProducer producer, ServerMetrics metrics, Tracing tracing,
            ExecutorService rpcThreads, NettyTransport transport) {
        FlightServer.Builder builder = FlightServer.builder(allocator, listenLocation(), producer).executor(rpcThreads);
        tls.ifPresent(material -> material.applyTo(builder));
        builder.middleware(CallObserver.KEY, CallObserver.factory(metrics, tracing));
        builder.middleware(CallHeaders.KEY, CallHeaders.factory(authenticator.map(TokenAuthenticator::headerName)
                .orElse(null)));
        // gRPC interceptors run inside Arrow's middleware interceptor (Arrow adds it last, so it is
        // outermost): a refused call still reaches the observer's onCallCompleted and is counted.
        // Of ours, the last added runs first: the peer is known before authentication refuses a call.
        Consumer<NettyServerBuilder> nettyServer = netty -> {
            authenticator.ifPresent(auth -> netty.intercept(new TokenAuthInterceptor(auth)));
            netty.intercept(new PeerAddressInterceptor());
            transport.applyTo(netty);
        };
        builder.transportHint("grpc.builderConsumer", nettyServer);
        return builder.build();
    }
}
