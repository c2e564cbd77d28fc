package dev.flexfun.cli.flight;

import dev.flexfun.cli.CliEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.arrow.flight.Location;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How to reach the server: on every subcommand that talks to it. */
public final class ConnectionOptions {
    /** The server's URL when neither {@code --url} nor {@value #URL_ENV} gives one. */
    public static final String DEFAULT_URL = "grpc://127.0.0.1:17001";
    /** The environment variable with the server's URL, when {@code --url} is not given. */
    public static final String URL_ENV = "FLEXFUN_URL";
    /** The environment variable with the token, unless {@code --token-env} names another. */
    public static final String DEFAULT_TOKEN_ENV = "FLEXFUN_TOKEN";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "grpc://host:port or grpc+tls://host:port "
            + "(default: $" + URL_ENV + ", else " + DEFAULT_URL + ")")
    private String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "the server's token; better: put it in $"
            + DEFAULT_TOKEN_ENV + " (or --token-env) so it stays out of shell history")
    private String token;

    @Option(names = "--token-env", paramLabel = "VAR", defaultValue = DEFAULT_TOKEN_ENV,
            description = "environment variable holding the token (default: ${DEFAULT-VALUE})")
    private String tokenEnv;

    @Option(names = "--token-header", paramLabel = "NAME", description = "send the raw token in this header "
            + "(the server's token_header_name) instead of authorization: Bearer")
    private String tokenHeader;

    @Option(names = "--tls-root-cert", paramLabel = "PEM", description = "CA certificate to trust for grpc+tls:// "
            + "(default: the JVM's trusted CAs)")
    private Path tlsRootCert;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "client certificate, for servers with use_mtls")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "the client certificate's key (unencrypted PKCS#8)")
    private Path tlsKey;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up (and cancel the call on the server) after this long: 30s, 500ms, 5m, 1h")
    private Duration timeout;

    @Option(names = "--ignore-location", description = "read results over --url even when the server names "
            + "another location (its advertise_host) for them")
    private boolean ignoreLocation;

    /**
     * Connects (lazily: the first RPC opens the channel); usage errors are reported as such.
     *
     * @param env where {@value #URL_ENV} and the token's variable are read
     * @return the connection, which the caller closes
     * @throws ParameterException when the URL or the TLS options are not usable
     */
    public FlightConnection connect(CliEnvironment env) {
        String target = Optional.ofNullable(url).or(() -> env.variable(URL_ENV)).orElse(DEFAULT_URL);
        if (tlsCert != null ^ tlsKey != null) {
            throw usage("Give --tls-cert and --tls-key together (the client certificate and its key).");
        }
        for (Path file : new Path[] {tlsRootCert, tlsCert, tlsKey}) {
            if (file != null && !Files.isReadable(file)) {
                throw usage("Cannot read " + file + ".");
            }
        }
        Optional<String> resolvedToken = Optional.ofNullable(token).or(() -> env.variable(tokenEnv));
        FlightConnection.Tls tls = new FlightConnection.Tls(Optional.ofNullable(tlsRootCert), Optional.ofNullable(tlsCert),
                Optional.ofNullable(tlsKey));
        return new FlightConnection(location(target), tls, resolvedToken, Optional.ofNullable(tokenHeader),
                Deadline.after(Optional.ofNullable(timeout)), ignoreLocation);
    }

    private Location location(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw usage("--url " + target + " is not a URL: " + e.getMessage());
        }
        boolean known = "grpc".equals(uri.getScheme()) || "grpc+tcp".equals(uri.getScheme())
                || "grpc+tls".equals(uri.getScheme());
        if (!known || uri.getHost() == null || uri.getPort() < 0) {
            throw usage("--url " + target + " must be grpc://host:port or grpc+tls://host:port.");
        }
        if (!"grpc+tls".equals(uri.getScheme()) && (tlsRootCert != null || tlsCert != null)) {
            throw usage("TLS options need a grpc+tls:// URL; --url is " + target + ".");
        }
        return new Location(uri);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
