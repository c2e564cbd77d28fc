package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Validates the merged settings tree ({@link SettingsTree}) into {@link Settings}. */
final class SettingsLoader {
    static final List<String> AUTHENTICATION_METHODS = List.of(ServerSettings.AUTH_NONE, ServerSettings.AUTH_TOKEN);
    /** As {@code dev.flexfun.server.observability.Tracing} serves them (zipkin, which the reference has, is not). */

    private SettingsLoader() {
    }

    static Settings load(List<Path> files, Map<String, String> env) {
        return validate(SettingsTree.load(files, env));
    }

    static Settings fromToml(String toml, Map<String, String> env) {
        ObjectNode tree;
        try {
            tree = SettingsTree.parse(toml);
            SectionAliases.fold(tree, "text");
        } catch (IOException e) {
            throw new ConfigException("Settings are not valid TOML: " + e.getMessage(), e);
        }
        EnvOverrides.apply(env, tree);
        return validate(tree);
    }

    static Settings validate(ObjectNode tree) {
        SectionReader server = new SectionReader("server", section(tree, "server"));
        SectionReader flexfun = new SectionReader("flexfun", section(tree, "flexfun"));
        SectionReader tokens = new SectionReader("enumerated_tokens", section(tree, "enumerated_tokens"));

        String listenHost = server.string("listen_host", AdvertisedAddress.DEFAULT_LISTEN_HOST);
        int listenPort = server.integer("listen_port", AdvertisedAddress.DEFAULT_LISTEN_PORT, 0, 65535);
        String advertiseHost = server.optionalString("advertise_host").orElseGet(() -> AdvertisedAddress.defaultHost(listenHost));
        OptionalInt advertisePort = section(tree, "server").has("advertise_port")
                ? OptionalInt.of(server.integer("advertise_port", 0, 1, 65535)) : OptionalInt.empty();
        boolean useTls = server.bool("use_tls", false);
        boolean useMtls = server.bool("use_mtls", false);
        var certificate = server.optionalString("tls_certificate");
        var privateKey = server.optionalString("tls_private_key");
        var rootCertificate = server.optionalString("tls_root_certificate");
        String authentication = server.choice("authentication_method", ServerSettings.AUTH_NONE, AUTHENTICATION_METHODS);
        var tokenHeader = server.optionalString("token_header_name");
        String tokenVerification = server.string("token_verification", ServerSettings.ENUMERATED_TOKEN_VERIFICATION);
        int taskThreads = server.integer("task_threads", 32, 1, 10_000);
        int taskCloseThreads = server.integer("task_close_threads", 2, 1, 1_000);
        long ttlMillis = server.positiveMillis("task_result_ttl_sec", 60, 1000, "seconds");
        var metricsHost = server.optionalString("metrics_host");
        int metricsPort = server.integer("metrics_port", 17101, 0, 65535);
        var healthHost = server.optionalString("health_check_host");
        int healthPort = server.integer("health_check_port", 8877, 0, 65535);
        String logEventKey = server.string("log_event_key_name", "event");
        String otel = server.choice("otel_exporter_type", "none", ServerSettings.OTEL_EXPORTER_TYPES);
        // 25 s: inside the 30 s Kubernetes gives a pod between SIGTERM and SIGKILL, leaving time to close.
        long graceMillis = server.positiveMillis("shutdown_grace_sec", 25, 1000, "seconds");

        checkPem(server, "tls_certificate", certificate);
        checkPem(server, "tls_private_key", privateKey);
        checkPem(server, "tls_root_certificate", rootCertificate);
        if (useTls && (certificate.isEmpty() || privateKey.isEmpty())) {
            throw server.invalid("use_tls", "true needs server.tls_certificate and server.tls_private_key "
                    + "(PEM inline or @/path/to/file)");
        }
        if (useMtls && (!useTls || rootCertificate.isEmpty())) {
            throw server.invalid("use_mtls", "true needs server.use_tls = true and server.tls_root_certificate");
        }
        List<String> tokenList = tokens.stringList("tokens");
        if (ServerSettings.AUTH_TOKEN.equals(authentication)
                && ServerSettings.ENUMERATED_TOKEN_VERIFICATION.equals(tokenVerification) && tokenList.isEmpty()) {
            throw server.invalid("authentication_method", "token with the default EnumeratedTokenVerification needs "
                    + "at least one token in [enumerated_tokens] tokens (env GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS)");
        }

        long deadlineMs = flexfun.positiveMillis("call_deadline_ms", 180_000, 1, "milliseconds");
        long pollingMs = flexfun.positiveMillis("polling_interval_ms", 2_000, 1, "milliseconds");
        int batchSize = flexfun.integer("batch_size", 65_536, 1, 1 << 24);
        int queueSize = flexfun.integer("task_queue_size", 256, 0, 1_000_000);
        int maxCommandBytes = flexfun.integer("max_command_bytes", 1 << 20, 64, 64 << 20);
        boolean stackTraces = flexfun.bool("error_stack_traces", false);
        // 60 s: long enough for a slow consumer's pauses, short enough that a stalled one cannot hold a thread for long.
        long stallMs = flexfun.positiveMillis("stream_stall_timeout_ms", 60_000, 1, "milliseconds");
        String invocationMode = flexfun.choice("invocation_mode", FlexFunSettings.EAGER, FlexFunSettings.INVOCATION_MODES);
        List<String> ticketKeys = ticketKeys(flexfun, invocationMode);
        // 5 min: long enough for a client between GetFlightInfo and DoGet, short enough that a leaked ticket soon dies.
        long ticketTtlMs = flexfun.positiveMillis("ticket_ttl_sec", 300, 1000, "seconds");
        boolean serveWhileLoading = flexfun.bool("serve_while_loading", true);

        ServerSettings serverSettings = new ServerSettings(listenHost, listenPort, advertiseHost, advertisePort, useTls,
                useMtls, certificate, privateKey, rootCertificate, authentication, tokenHeader, tokenVerification,
                taskThreads, taskCloseThreads, Duration.ofMillis(ttlMillis), metricsHost, metricsPort, healthHost,
                healthPort, logEventKey, otel, Duration.ofMillis(graceMillis));
        FlexFunSettings flexfunSettings = new FlexFunSettings(Duration.ofMillis(deadlineMs), Duration.ofMillis(pollingMs),
                batchSize, queueSize, maxCommandBytes, stackTraces, Duration.ofMillis(stallMs), invocationMode, ticketKeys,
                Duration.ofMillis(ticketTtlMs), serveWhileLoading);
        ResourceSettings resources = ResourceSettings.read(server, flexfun, taskThreads, queueSize);
        List<String> warnings = new ArrayList<>(ReferenceOnlySettings.report(server, flexfun));
        for (String unknown : server.unknownKeys()) {
            warnings.add("Unknown setting " + unknown + " is ignored.");
        }
        for (String unknown : flexfun.unknownKeys()) {
            warnings.add("Unknown setting " + unknown + " is ignored.");
        }
        return new Settings(serverSettings, flexfunSettings, tokenList, tree, List.copyOf(warnings), resources);
    }

    /** Deferred mode needs a key; a key given in any mode must be long enough for HMAC-SHA256. */
    private static List<String> ticketKeys(SectionReader flexfun, String invocationMode) {
        List<String> keys = flexfun.stringList("ticket_keys");
        if (FlexFunSettings.DEFERRED.equals(invocationMode) && keys.isEmpty()) {
            throw flexfun.invalid("ticket_keys", "invocation_mode = \"deferred\" needs at least one key shared by all "
                    + "replicas, e.g. ticket_keys = [\"<output of: openssl rand -base64 48>\"]");
        }
        for (int i = 0; i < keys.size(); i++) {
            int bytes = keys.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes < FlexFunSettings.MIN_TICKET_KEY_BYTES) {
                // Not ConfigException.invalid: it would print the secret.
                throw new ConfigException("Invalid setting flexfun.ticket_keys (env "
                        + EnvOverrides.envName("flexfun", "ticket_keys") + "): key " + (i + 1) + " of " + keys.size()
                        + " is " + bytes + " bytes long; each key must have at least "
                        + FlexFunSettings.MIN_TICKET_KEY_BYTES + " bytes (e.g. the output of: openssl rand -base64 48).");
            }
        }
        return keys;
    }

    /** PEM values are inline text or {@code @/path}; a path must name a readable file. */
    private static void checkPem(SectionReader reader, String key, java.util.Optional<String> value) {
        if (value.isPresent() && value.get().startsWith("@")) {
            Path path = Path.of(value.get().substring(1));
            if (!Files.isReadable(path)) {
                throw reader.invalid(key, "the file " + path + " does not exist or is not readable");
            }
        }
    }

    private static ObjectNode section(ObjectNode tree, String name) {
        JsonNode node = tree.get(name);
        if (node == null) {
            return tree.putObject(name);
        }
        if (!(node instanceof ObjectNode o)) {
            throw new ConfigException("Invalid setting " + name + " = " + node + ": must be a table ([" + name + "]).");
        }
        return o;
    }
}
