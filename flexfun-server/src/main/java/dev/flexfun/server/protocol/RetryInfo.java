package dev.flexfun.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.arrow.flight.FlightDescriptor;

/**
 * The body of a POLL error: {@code {"flight_info": null, "retry_descriptor": "<b64>", "cancel_descriptor": "<b64>"}},
 * each descriptor the base64 of a serialised {@code CMD} FlightDescriptor ({@code r:<id>} / {@code c:<id>}).
 */
public final class RetryInfo {
    private RetryInfo() {
    }

    /** What a client does with a POLL error: GetFlightInfo with {@code retry} to wait on, with {@code cancel} to stop. */
    public record Descriptors(FlightDescriptor retry, FlightDescriptor cancel) {
        /** The task the descriptors name. */
        public String taskId() {
            return new String(retry.getCommand(), StandardCharsets.UTF_8).substring(CommandParser.RETRY_PREFIX.length());
        }
    }

    public static byte[] forTask(String taskId) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putNull("flight_info");
        node.put("retry_descriptor", base64(descriptor(CommandParser.RETRY_PREFIX, taskId)));
        node.put("cancel_descriptor", base64(cancel(taskId)));
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The descriptor that cancels task {@code taskId} (e.g. one known from its ticket). */
    public static FlightDescriptor cancel(String taskId) {
        return descriptor(CommandParser.CANCEL_PREFIX, taskId);
    }

    /**
     * Reads a POLL error's body: the client's side of {@link #forTask}.
     *
     * @throws IllegalArgumentException when the body is not RetryInfo
     */
    public static Descriptors decode(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            FlightDescriptor retry = decodeDescriptor(node.path("retry_descriptor"));
            FlightDescriptor cancel = decodeDescriptor(node.path("cancel_descriptor"));
            if (!new String(retry.getCommand(), StandardCharsets.UTF_8).startsWith(CommandParser.RETRY_PREFIX)) {
                throw new IllegalArgumentException("retry_descriptor is not r:<task id>");
            }
            return new Descriptors(retry, cancel);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The POLL error's body is not RetryInfo: " + e.getMessage(), e);
        }
    }

    private static FlightDescriptor decodeDescriptor(JsonNode base64) throws IOException {
        if (!base64.isTextual()) {
            throw new IllegalArgumentException("a descriptor is missing");
        }
        FlightDescriptor descriptor = FlightDescriptor.deserialize(ByteBuffer.wrap(Base64.getDecoder().decode(base64.asText())));
        if (!descriptor.isCommand()) {
            throw new IllegalArgumentException("a descriptor is not CMD");
        }
        return descriptor;
    }

    private static FlightDescriptor descriptor(String prefix, String taskId) {
        return FlightDescriptor.command((prefix + taskId).getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(FlightDescriptor descriptor) {
        ByteBuffer serialized = descriptor.serialize();
        byte[] bytes = new byte[serialized.remaining()];
        serialized.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
