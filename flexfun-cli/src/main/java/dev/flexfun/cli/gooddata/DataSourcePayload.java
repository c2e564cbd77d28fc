package dev.flexfun.cli.gooddata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON:API document that registers a FlexFun server as a GoodData data source
 * ({@code POST /api/v1/entities/dataSources}; README, "Adding the data source to GoodData").
 *
 * @param id            the data source id
 * @param name          its display name
 * @param type          {@code FLIGHTRPC} or {@code FLEXCONNECT}
 * @param urls          one or more {@code grpc://host:port} / {@code grpc+tls://host:port}
 * @param token         the token GoodData sends, empty when the server does not authenticate
 * @param caPem         the CA certificate (PEM) of a self-signed server certificate, if any
 * @param loadBalancing {@code none}, {@code round-robin} or {@code random}; sent only with several URLs
 * @param cacheStrategy {@code ALWAYS} or {@code NEVER}
 */
public record DataSourcePayload(String id, String name, String type, List<String> urls, Optional<String> token,
        Optional<byte[]> caPem, String loadBalancing, String cacheStrategy) {
    /** The data source types FlexFun servers register as. */
    public static final List<String> TYPES = List.of("FLIGHTRPC", "FLEXCONNECT");
    /** The load balancing policies for several URLs. */
    public static final List<String> LOAD_BALANCING = List.of("none", "round-robin", "random");
    /** The cache strategies GoodData offers. */
    public static final List<String> CACHE_STRATEGIES = List.of("ALWAYS", "NEVER");
    /** GoodData's rule for entity ids; the id also goes into API paths, so nothing else may pass. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("(?!\\.)[.A-Za-z0-9_-]{1,255}");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Checks and normalizes the fields (type and cache strategy in upper case).
     *
     * @param id            the data source id
     * @param name          its display name
     * @param type          {@code FLIGHTRPC} or {@code FLEXCONNECT}, in any case
     * @param urls          one or more {@code grpc://host:port} / {@code grpc+tls://host:port}; copied
     * @param token         the token GoodData sends, empty when the server does not authenticate
     * @param caPem         the CA certificate (PEM) of a self-signed server certificate, if any
     * @param loadBalancing {@code none}, {@code round-robin} or {@code random}
     * @param cacheStrategy {@code ALWAYS} or {@code NEVER}, in any case
     * @throws IllegalArgumentException when a field is not valid
     */
    public DataSourcePayload {
        checkId(id);
        Objects.requireNonNull(name);
        type = oneOf("type", type.toUpperCase(Locale.ROOT), TYPES);
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("A data source needs at least one URL.");
        }
        for (String url : urls) {
            if (!url.startsWith("grpc://") && !url.startsWith("grpc+tls://")) {
                throw new IllegalArgumentException("URL " + url + " must start with grpc:// or grpc+tls://.");
            }
        }
        loadBalancing = oneOf("load balancing", loadBalancing, LOAD_BALANCING);
        cacheStrategy = oneOf("cache strategy", cacheStrategy.toUpperCase(Locale.ROOT), CACHE_STRATEGIES);
        if (caPem.isPresent() && !new String(caPem.get(), StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("The CA file is not a PEM certificate (no -----BEGIN CERTIFICATE----- line).");
        }
    }

    /**
     * Checks that {@code id} is a GoodData entity id.
     *
     * @param id the data source id
     * @return {@code id}
     * @throws IllegalArgumentException when {@code id} is not a GoodData entity id
     */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Data source id '" + id + "' is not valid: use letters, digits, '_', "
                    + "'-' and '.' (not first), at most 255.");
        }
        return id;
    }

    private static String oneOf(String what, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("Unknown " + what + " '" + value + "'; allowed: " + allowed + ".");
        }
        return value;
    }

    /** {@return the document, pretty-printed} */
    public String toJson() {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode data = document.putObject("data");
        data.put("type", "dataSource");
        data.put("id", id);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("name", name);
        attributes.put("type", type);
        // GoodData takes several replicas as one url, joined by ';'.
        attributes.put("url", String.join(";", urls));
        attributes.put("schema", "");
        token.ifPresent(t -> attributes.put("token", t));
        attributes.put("cacheStrategy", cacheStrategy);
        ArrayNode parameters = JSON.createArrayNode();
        caPem.ifPresent(pem -> parameter(parameters, "tlsRootCertificate", Base64.getEncoder().encodeToString(pem)));
        if (urls.size() > 1) {
            parameter(parameters, "loadBalancing", loadBalancing);
        }
        if (!parameters.isEmpty()) {
            attributes.set("parameters", parameters);
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void parameter(ArrayNode parameters, String name, String value) {
        parameters.addObject().put("name", name).put("value", value);
    }
}
