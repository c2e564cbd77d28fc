package dev.flexfun.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.BadArgumentException;
import java.nio.charset.StandardCharsets;

/** Parses GetFlightInfo command bytes (docs/protocol.md, "Calls" and "Descriptors and tickets"). */
public final class CommandParser {
    public static final String RETRY_PREFIX = "r:";
    public static final String CANCEL_PREFIX = "c:";

    private final int maxCommandBytes;

    public CommandParser(int maxCommandBytes) {
        this.maxCommandBytes = maxCommandBytes;
    }

    /**
     * @param pollable whether the call carries {@code x-quiver-pollable}; only then are the retry and
     *                 cancel forms accepted
     * @throws BadArgumentException when the bytes are not a command
     */
    public Command parse(byte[] bytes, boolean pollable) {
        if (bytes.length > maxCommandBytes) {
            throw new BadArgumentException("The command is " + bytes.length + " bytes long; at most " + maxCommandBytes
                    + " bytes are accepted (setting flexfun.max_command_bytes).");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (pollable && text.startsWith(RETRY_PREFIX)) {
            return new Command.Retry(taskIdOf(text));
        }
        if (pollable && text.startsWith(CANCEL_PREFIX)) {
            return new Command.Cancel(taskIdOf(text));
        }
        return parseInvoke(bytes);
    }

    private static String taskIdOf(String text) {
        String id = text.substring(2);
        if (id.isEmpty()) {
            throw new BadArgumentException("The command '" + text + "' names no task id.");
        }
        return id;
    }

    private static Command.Invoke parseInvoke(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadArgumentException("The command is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadArgumentException("The command cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadArgumentException("The command must be a JSON object with 'functionName' and 'parameters'.");
        }
        JsonNode name = root.get("functionName");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw new BadArgumentException("The command must have a non-empty string 'functionName'.");
        }
        JsonNode parameters = root.get("parameters");
        ObjectNode params;
        if (parameters == null || parameters.isNull()) {
            params = Json.MAPPER.createObjectNode();
        } else if (parameters instanceof ObjectNode o) {
            params = o;
        } else {
            throw new BadArgumentException("The command's 'parameters' must be a JSON object.");
        }
        return new Command.Invoke(name.asText(), params, bytes.clone());
    }
}
