package dev.flexfun.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.BadArgumentException;
import java.nio.charset.StandardCharsets;

/** DoGet tickets: compact UTF-8 JSON {@code {"task_id":"<id>"}}. */
public final class TaskTicket {
    private TaskTicket() {
    }

    public static byte[] encode(String taskId) {
        return ("{\"task_id\":" + quote(taskId) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** @throws BadArgumentException when the bytes are not a ticket */
    public static String decode(byte[] ticket) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(ticket);
        } catch (java.io.IOException e) {
            throw new BadArgumentException("The ticket is not valid JSON; use the ticket returned by GetFlightInfo.");
        }
        JsonNode id = node == null ? null : node.get("task_id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new BadArgumentException("The ticket has no 'task_id'; use the ticket returned by GetFlightInfo.");
        }
        return id.asText();
    }

    static String quote(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
