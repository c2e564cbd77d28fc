package dev.flexfun.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.BadArgumentException;
import java.nio.charset.StandardCharsets;

/**
 * The ListFlights descriptor of a function: compact UTF-8 JSON
 * {@code {"functionName":"<name>","metadata":<object or null>}}, keys in this order.
 */
public final class FunctionDescriptor {
    private FunctionDescriptor() {
    }

    /**
     * @param metadataJson the function's metadata as a JSON object, or {@code null}; it is re-serialised
     *                     compactly so whatever whitespace the function used does not reach the wire
     */
    public static byte[] encode(String functionName, String metadataJson) {
        String metadata = "null";
        if (metadataJson != null) {
            try {
                JsonNode node = Json.MAPPER.readTree(metadataJson);
                if (!node.isObject()) {
                    throw new IllegalArgumentException("Metadata of function '" + functionName
                            + "' must be a JSON object, was: " + metadataJson);
                }
                metadata = Json.MAPPER.writeValueAsString(node);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("Metadata of function '" + functionName + "' is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        return ("{\"functionName\":" + TaskTicket.quote(functionName) + ",\"metadata\":" + metadata + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The function name of a descriptor (ListFlights' or a call's command); for GetSchema. */
    public static String functionNameOf(byte[] descriptor) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(descriptor);
        } catch (java.io.IOException e) {
            throw new BadArgumentException("The descriptor is not valid JSON.");
        }
        JsonNode name = node == null ? null : node.get("functionName");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw new BadArgumentException("The descriptor must have a non-empty string 'functionName'.");
        }
        return name.asText();
    }
}
