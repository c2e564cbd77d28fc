package dev.flexfun.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public static byte[] forTask(String taskId) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putNull("flight_info");
        node.put("retry_descriptor", descriptorBase64(CommandParser.RETRY_PREFIX + taskId));
        node.put("cancel_descriptor", descriptorBase64(CommandParser.CANCEL_PREFIX + taskId));
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String descriptorBase64(String command) {
        ByteBuffer serialized = FlightDescriptor.command(command.getBytes(StandardCharsets.UTF_8)).serialize();
        byte[] bytes = new byte[serialized.remaining()];
        serialized.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
