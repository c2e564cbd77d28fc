package dev.flexfun.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.config.EnvOverrides;
import dev.flexfun.server.config.SettingsTree;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the JSON that registers this server as a GoodData data source, from the same settings
 * files and env overrides the server reads: the URL from {@code advertise_host}/{@code advertise_port}
 * ({@code grpc+tls://} with {@code use_tls}), a token, and the CA certificate as base64.
 *
 * <p>It reads the settings without the server's full validation, so a production configuration
 * can be used on a machine without its TLS files or tokens. The JSON goes to stdout, notes to stderr.
 */
public final class DataSourcePayloadCommand {
    static final String TOKEN_PLACEHOLDER = "<token from [enumerated_tokens] tokens>";
    static final String USAGE = """
            Usage: datasource-payload [options] [settings.toml ...]
              --ca FILE              CA certificate (PEM) GoodData should trust: sent as tlsRootCertificate (base64)
              --token TOKEN          the token GoodData sends (default: a placeholder when authentication_method = "token")
              --token-file FILE      read the token from FILE (keeps it out of shell history)
              --url URL              a server URL (repeat for several replicas); default: from the advertise settings
              --load-balancing MODE  with several URLs: none | round-robin | random (default round-robin)
              --type TYPE            FLIGHTRPC (default) | FLEXCONNECT
              --id ID                data source id (default flexfun)
              --name NAME            data source name (default "FlexFun functions")
              --cache-strategy S     ALWAYS | NEVER (default NEVER: every report computation calls the functions)
            Settings files are read in order, then GOODDATA_FLIGHT_* environment variables, as the server does.""";

    private DataSourcePayloadCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns the exit code (0 done, 1 bad settings or files, 2 bad usage). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        try {
            JsonNode server = SettingsTree.load(options.files, env).path("server");
            boolean useTls = server.path("use_tls").asBoolean(false);
            List<String> urls = options.urls.isEmpty() ? List.of(advertisedUrl(server, useTls)) : options.urls;
            Optional<String> token = token(options, server);
            Optional<byte[]> ca = options.ca == null ? Optional.empty() : Optional.of(read(options.ca));
            if (ca.isPresent() && urls.stream().noneMatch(u -> u.startsWith("grpc+tls://"))) {
                err.println("Note: --ca given, but the URL is not grpc+tls:// (server.use_tls is off).");
            }
            if (token.isPresent() && token.get().equals(TOKEN_PLACEHOLDER)) {
                err.println("Note: replace the token placeholder, or pass --token / --token-file.");
            }
            DataSourcePayload payload = new DataSourcePayload(options.id, options.name, options.type, urls, token, ca,
                    options.loadBalancing, options.cacheStrategy);
            out.println(payload.toJson());
            return 0;
        } catch (ConfigException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Cannot read " + e.getMessage());
            return 1;
        }
    }

    /** What the server puts in its FlightInfo endpoints: advertise_host, advertise_port or listen_port. */
    static String advertisedUrl(JsonNode server, boolean useTls) {
        String host = server.path("advertise_host").asText(null);
        if (host == null) {
            host = localHostName();
        }
        JsonNode port = server.has("advertise_port") ? server.get("advertise_port") : server.path("listen_port");
        int number = port.isMissingNode() ? 17001 : port.asInt(-1);
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + " (server.advertise_port / server.listen_port, env "
                    + EnvOverrides.envName("server", "advertise_port") + "): must be 1..65535.");
        }
        return (useTls ? "grpc+tls://" : "grpc://") + host + ":" + number;
    }

    private static Optional<String> token(Options options, JsonNode server) throws IOException {
        if (options.token != null) {
            return Optional.of(options.token);
        }
        if (options.tokenFile != null) {
            return Optional.of(new String(read(options.tokenFile), StandardCharsets.UTF_8).strip());
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

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The command line. */
    private static final class Options {
        final List<Path> files = new ArrayList<>();
        final List<String> urls = new ArrayList<>();
        Path ca;
        Path tokenFile;
        String token;
        String id = "flexfun";
        String name = "FlexFun functions";
        String type = "FLIGHTRPC";
        String loadBalancing = "round-robin";
        String cacheStrategy = "NEVER";
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            Iterator<String> it = List.of(args).iterator();
            while (it.hasNext()) {
                String arg = it.next();
                switch (arg) {
                    case "--ca" -> o.ca = Path.of(value(arg, it));
                    case "--token" -> o.token = value(arg, it);
                    case "--token-file" -> o.tokenFile = Path.of(value(arg, it));
                    case "--url" -> o.urls.add(value(arg, it));
                    case "--load-balancing" -> o.loadBalancing = value(arg, it);
                    case "--type" -> o.type = value(arg, it);
                    case "--id" -> o.id = value(arg, it);
                    case "--name" -> o.name = value(arg, it);
                    case "--cache-strategy" -> o.cacheStrategy = value(arg, it);
                    case "--help", "-h" -> o.help = true;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option " + arg + ".");
                        }
                        o.files.add(Path.of(arg));
                    }
                }
            }
            if (o.token != null && o.tokenFile != null) {
                throw new IllegalArgumentException("Give --token or --token-file, not both.");
            }
            return o;
        }

        private static String value(String option, Iterator<String> it) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException("Option " + option + " needs a value.");
            }
            return it.next();
        }
    }
}
