package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.DataSourceMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockLevelsFunctionTest {

    @Test
    void warnsAboutStaleCounts() {
        CallContext ctx = CallContext.builder().taskId("task-1").build();
        assertEquals(4, StockLevelsFunction.stockLevels(ctx).size());
        List<DataSourceMessage> messages = ctx.dataSourceMessages();
        assertEquals(1, messages.size());
        DataSourceMessage message = messages.get(0);
        assertEquals("warning", message.type());
        assertEquals("task-1", message.correlationId());
        assertEquals("[\"Brno/Gadget\",\"Lyon/Gizmo\"]", message.data().get("stale").toString());
    }
}
