package dev.flexfun.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.ParametersJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The call's {@code parameters} object, from {@code --params-json} (the base), {@code --context}
 * ({@code executionContext}), each {@code --param key=value} and {@code --columns}, in that order
 * (later ones win). Read with the runtime's mapper, so decimals stay exact.
 */
final class CallParameters {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+([eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");
    static final String EXECUTION_CONTEXT = "executionContext";

    private final ObjectNode parameters = ParametersJson.MAPPER.createObjectNode();

    /** {@code --params-json}: a JSON object. */
    CallParameters base(InputStream json, String source) {
        JsonNode node = read(json, source);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(source + " must hold a JSON object (the call's parameters).");
        }
        parameters.setAll(object);
        return this;
    }

    /**
     * {@code --context}: an execution context, or an object that has one under {@code executionContext}
     * (the parameters of a call as GoodData logs them).
     */
    CallParameters context(InputStream json, String source) {
        JsonNode node = read(json, source);
        if (!node.isObject()) {
            throw new IllegalArgumentException(source + " must hold a JSON object (an execution context).");
        }
        parameters.set(EXECUTION_CONTEXT, node.has(EXECUTION_CONTEXT) ? node.get(EXECUTION_CONTEXT) : node);
        return this;
    }

    /** {@code --param key=value}. */
    CallParameters param(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--param " + keyValue + ": expected key=value.");
        }
        parameters.set(keyValue.substring(0, eq), typed(keyValue.substring(eq + 1)));
        return this;
    }

    /** {@code --columns}: the hint of which columns the caller needs. */
    CallParameters columns(Optional<List<String>> columns) {
        columns.ifPresent(names -> {
            ArrayNode array = parameters.putArray("columns");
            names.forEach(array::add);
        });
        return this;
    }

    ObjectNode build() {
        return parameters.deepCopy();
    }

    /**
     * {@code true}/{@code false} are booleans, {@code null} is null, integers and decimals are numbers
     * (decimals exact), text starting with {@code [ { "} is JSON (so {@code '"42"'} is the string 42),
     * anything else is a string.
     */
    static JsonNode typed(String value) {
        JsonNodeFactory nodes = ParametersJson.MAPPER.getNodeFactory();
        if (value.equals("true") || value.equals("false")) {
            return nodes.booleanNode(Boolean.parseBoolean(value));
        }
        if (value.equals("null")) {
            return nodes.nullNode();
        }
        if (INTEGER.matcher(value).matches()) {
            BigInteger number = new BigInteger(value);
            return number.bitLength() < 64 ? nodes.numberNode(number.longValue()) : nodes.numberNode(number);
        }
        if (DECIMAL.matcher(value).matches()) {
            return nodes.numberNode(new BigDecimal(value));
        }
        if (value.startsWith("[") || value.startsWith("{") || value.startsWith("\"")) {
            try {
                return ParametersJson.MAPPER.readTree(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("'" + value + "' starts like JSON but is not valid JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return nodes.textNode(value);
    }

    private static JsonNode read(InputStream json, String source) {
        try {
            JsonNode node = ParametersJson.MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(source + " is empty; expected a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
