package dev.flexfun.runtime.vector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.DataSourceMessage;
import java.util.List;

/** Encodes data-source messages as the compact JSON array GoodData reads from the schema metadata. */
public final class DataSourceMessagesJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataSourceMessagesJson() {
    }

    /** {@code [{"source":..,"correlation_id":..,"type":..,"data":..}, ...]}, keys in this order. */
    public static String encode(List<DataSourceMessage> messages) {
        ArrayNode array = JSON.createArrayNode();
        for (DataSourceMessage message : messages) {
            ObjectNode node = array.addObject();
            node.put("source", message.source());
            node.put("correlation_id", message.correlationId());
            node.put("type", message.type());
            node.set("data", message.data() == null ? JSON.nullNode() : message.data());
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode data-source messages", e);
        }
    }
}
