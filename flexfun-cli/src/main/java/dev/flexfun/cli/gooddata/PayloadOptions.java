package dev.flexfun.cli.gooddata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.cli.CliEnvironment;
import dev.flexfun.server.config.AdvertisedAddress;
import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.config.SettingsTree;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the data source says, from the same settings the server reads (files, then
 * {@code GOODDATA_FLIGHT_*} variables) without the server's full validation, so a production
 * configuration works on a machine without its TLS files or tokens: the URL from the advertised
 * address, a token, the CA as base64, the cache strategy.
 */
public final class PayloadOptions {
    static final String TOKEN_PLACEHOLDER = "<token from [enumerated_tokens] tokens>";
    /** The settings when no file is given; the ./flexfun script points it at the project's config/. */
    static final String CONFIG_ENV = "FLEXFUN_CONFIG";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Parameters(paramLabel = "SETTINGS", arity = "0..*", description = "server settings files or folders, in order "
            + "(default: $" + CONFIG_ENV + ", which ./flexfun sets to config/)")
    private List<Path> settings = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "PEM", description = "CA certificate GoodData should trust (self-signed "
            + "server certificate): sent as tlsRootCertificate, base64")
    private Path ca;

    @Option(names = "--token", paramLabel = "TOKEN", description = "the token GoodData sends (default: a "
            + "placeholder when authentication_method = \"token\")")
    private String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "read the token from FILE")
    private Path tokenFile;

    @Option(names = "--token-env", paramLabel = "VAR", description = "read the token from this environment variable")
    private String tokenEnv;

    @Option(names = "--url", paramLabel = "URL", description = "a server URL (repeat for several replicas); "
            + "default: from the advertise settings")
    private List<String> urls = new ArrayList<>();

    @Option(names = "--load-balancing", paramLabel = "MODE", defaultValue = "round-robin",
            description = "with several URLs: none, round-robin or random (default: ${DEFAULT-VALUE})")
    private String loadBalancing;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "FLIGHTRPC", description = "FLIGHTRPC or FLEXCONNECT (default: ${DEFAULT-VALUE})")
    private String type;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "flexfun", description = "data source id (default: ${DEFAULT-VALUE})")
    private String id;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "FlexFun functions", description = "data source name (default: ${DEFAULT-VALUE})")
    private String name;

    @Option(names = "--cache-strategy", paramLabel = "STRATEGY", defaultValue = "NEVER", description = "ALWAYS or NEVER (default: "
            + "${DEFAULT-VALUE}: every report computation calls the functions)")
    private String cacheStrategy;

    /** The payload; notes (a placeholder token, a CA without TLS) go to {@code notes}. */
    DataSourcePayload payload(CliEnvironment env, PrintStream notes) {
        int tokenSources = (token != null ? 1 : 0) + (tokenFile != null ? 1 : 0) + (tokenEnv != null ? 1 : 0);
        if (tokenSources > 1) {
            throw usage("Give one of --token, --token-file and --token-env.");
        }
        try {
            JsonNode server = SettingsTree.load(settingsFiles(env), env.variables()).path("server");
            List<String> payloadUrls = urls.isEmpty() ? List.of(AdvertisedAddress.url(server)) : urls;
            Optional<String> payloadToken = token(env, server);
            Optional<byte[]> caPem = ca == null ? Optional.empty() : Optional.of(read(ca));
            if (caPem.isPresent() && payloadUrls.stream().noneMatch(u -> u.startsWith("grpc+tls://"))) {
                notes.println("Note: --ca given, but the URL is not grpc+tls:// (server.use_tls is off).");
            }
            return new DataSourcePayload(id, name, type, payloadUrls, payloadToken, caPem, loadBalancing, cacheStrategy);
        } catch (ConfigException | IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (IOException e) {
            throw usage("Cannot read " + e.getMessage());
        }
    }

    static boolean hasPlaceholderToken(DataSourcePayload payload) {
        return payload.token().filter(TOKEN_PLACEHOLDER::equals).isPresent();
    }

    private List<Path> settingsFiles(CliEnvironment env) {
        if (!settings.isEmpty()) {
            return settings;
        }
        return env.variable(CONFIG_ENV).map(folder -> List.of(Path.of(folder))).orElse(List.of());
    }

    private Optional<String> token(CliEnvironment env, JsonNode server) throws IOException {
        if (token != null) {
            return Optional.of(token);
        }
        if (tokenFile != null) {
            return Optional.of(new String(read(tokenFile), StandardCharsets.UTF_8).strip());
        }
        if (tokenEnv != null) {
            return Optional.of(env.variable(tokenEnv).orElseThrow(() -> usage("Environment variable " + tokenEnv
                    + " (--token-env) is not set.")));
        }
        boolean authenticates = "token".equals(server.path("authentication_method").asText("none"));
        return authenticates ? Optional.of(TOKEN_PLACEHOLDER) : Optional.empty();
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
