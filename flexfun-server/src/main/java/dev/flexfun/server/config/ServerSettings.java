package dev.flexfun.server.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Section {@code [server]}, the reference server's settings (docs/protocol.md, "Settings"). TLS, token
 * authentication, metrics, health and logging are parsed and validated here; the components that
 * use them live in {@code dev.flexfun.server.security}, {@code .tls} and {@code .observability}.
 *
 * @param advertisePort empty means "the port the server listens on"
 * @param metricsHost   empty means metrics are off
 * @param healthCheckHost empty means the health endpoints are off
 * @param shutdownGrace how long a stopping server lets running calls and streams finish ({@code shutdown_grace_sec})
 */
public record ServerSettings(
        String listenHost,
        int listenPort,
        String advertiseHost,
        OptionalInt advertisePort,
        boolean useTls,
        boolean useMtls,
        Optional<String> tlsCertificate,
        Optional<String> tlsPrivateKey,
        Optional<String> tlsRootCertificate,
        String authenticationMethod,
        Optional<String> tokenHeaderName,
        String tokenVerification,
        int taskThreads,
        int taskCloseThreads,
        Duration taskResultTtl,
        Optional<String> metricsHost,
        int metricsPort,
        Optional<String> healthCheckHost,
        int healthCheckPort,
        String logEventKeyName,
        String otelExporterType,
        Duration shutdownGrace) {

    public static final String AUTH_NONE = "none";
    public static final String AUTH_TOKEN = "token";
    public static final String ENUMERATED_TOKEN_VERIFICATION = "EnumeratedTokenVerification";
    /** The values of {@code otel_exporter_type}; observability.Tracing builds each of them. */
    public static final java.util.List<String> OTEL_EXPORTER_TYPES = java.util.List.of(
            "none", "console", "otlp-grpc", "otlp-http");
}
