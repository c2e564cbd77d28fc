package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Where the server tells clients to fetch results (the location of its FlightInfo endpoints), from
 * the {@code [server]} settings: {@code advertise_host} (default below), {@code advertise_port}
 * (default {@code listen_port}), {@code grpc+tls://} with {@code use_tls}. The server and the tools
 * that describe it (the GoodData data-source payload) both take it from here.
 */
public final class AdvertisedAddress {
    static final String DEFAULT_LISTEN_HOST = "127.0.0.1";
    static final int DEFAULT_LISTEN_PORT = 17001;

    private AdvertisedAddress() {
    }

    /**
     * The URL the server advertises, read from a raw {@code [server]} section ({@link SettingsTree})
     * without validating anything else, so it works on a machine without the server's TLS files.
     *
     * @throws ConfigException when the port is not 1..65535
     */
    public static String url(JsonNode server) {
        String listenHost = server.path("listen_host").asText(DEFAULT_LISTEN_HOST);
        String host = server.hasNonNull("advertise_host") ? server.get("advertise_host").asText() : defaultHost(listenHost);
        JsonNode port = server.has("advertise_port") ? server.get("advertise_port") : server.get("listen_port");
        int number = port == null ? DEFAULT_LISTEN_PORT : port.asInt(-1);
        if (number < 1 || number > 65535) {
            throw new ConfigException("Invalid port " + port + " (server.advertise_port / server.listen_port, env "
                    + EnvOverrides.envName("server", "advertise_port") + "): must be 1..65535.");
        }
        boolean tls = server.path("use_tls").asBoolean(false);
        return (tls ? "grpc+tls://" : "grpc://") + host + ":" + number;
    }

    /**
     * The reference advertises this host's name. A server that listens on loopback only cannot be
     * reached under that name (it may resolve to another interface), so it advertises its listen
     * address instead, and a local client's DoGet goes where the server is.
     */
    static String defaultHost(String listenHost) {
        return isLoopback(listenHost) ? listenHost : hostName();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
