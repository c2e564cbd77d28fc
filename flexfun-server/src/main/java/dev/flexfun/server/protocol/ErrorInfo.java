package dev.flexfun.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The protocol's ErrorInfo: {@code {"msg","detail","code","body"}} in this order. The texts are cut
 * because the whole travels in gRPC trailers (about 16 KiB in all).
 *
 * @param msg    the message, at most {@value #MAX_MSG} characters (plus the truncation marker)
 * @param detail extra detail or {@code null}, at most {@value #MAX_DETAIL} characters (plus the marker)
 * @param code   the numeric error code
 * @param body   opaque bytes (sent base64-encoded) or {@code null}
 */
public record ErrorInfo(String msg, String detail, int code, byte[] body) {
    public static final int MAX_MSG = 256;
    public static final int MAX_DETAIL = 512;
    static final String TRUNCATED = " [truncated]";

    /** Makes an ErrorInfo with {@code msg} and {@code detail} cut to their limits. */
    public static ErrorInfo of(String msg, String detail, int code, byte[] body) {
        return new ErrorInfo(truncate(msg == null ? "" : msg, MAX_MSG), truncate(detail, MAX_DETAIL), code,
                body == null ? null : body.clone());
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + TRUNCATED;
    }

    /** The compact UTF-8 JSON sent in {@code grpc-status-details-bin}. */
    public byte[] toJsonBytes() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("msg", msg);
        node.put("detail", detail);
        node.put("code", code);
        node.put("body", body == null ? null : Base64.getEncoder().encodeToString(body));
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an ErrorInfo", e);
        }
    }

    /** Reads an ErrorInfo from its JSON (what clients do; used by tests and tools). */
    public static ErrorInfo fromJson(byte[] json) throws IOException {
        JsonNode node = Json.MAPPER.readTree(json);
        JsonNode detail = node.get("detail");
        JsonNode body = node.get("body");
        return new ErrorInfo(node.get("msg").asText(), detail == null || detail.isNull() ? null : detail.asText(),
                node.get("code").asInt(), body == null || body.isNull() ? null : Base64.getDecoder().decode(body.asText()));
    }

    @Override
    public String toString() {
        return new String(toJsonBytes(), StandardCharsets.UTF_8);
    }
}
