package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.testkit.ArrowResult;
import dev.flexfun.testkit.FlexFunTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StockLevelsEndToEndTest {

    @RegisterExtension
    static final FlexFunTestServer SERVER = FlexFunTestServer.create();

    @Test
    void messagesTravelInTheResultSchema() {
        try (ArrowResult result = SERVER.callArrow("StockLevels", Map.of())) {
            assertEquals(StockLevelsFunction.STOCK, result.rows(StockLevel.class));
            JsonNode messages = result.dataSourceMessages();
            assertEquals(1, messages.size());
            JsonNode message = messages.get(0);
            assertEquals("StockLevels", message.get("source").asText());
            assertEquals("warning", message.get("type").asText());
            assertEquals("2 stock counts are older than 30 days.", message.get("data").get("message").asText());
            // The correlation id is the server's task id, 32 hex digits.
            assertEquals(32, message.get("correlation_id").asText().length());
        }
    }
}
