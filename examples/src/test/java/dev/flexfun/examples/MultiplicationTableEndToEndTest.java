package dev.flexfun.examples;

import static dev.flexfun.testkit.FlexFunAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.testkit.ArrowResult;
import dev.flexfun.testkit.FlexFunTestServer;
import dev.flexfun.testkit.FunctionInfo;
import java.util.Map;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MultiplicationTableEndToEndTest {

    @RegisterExtension
    static final FlexFunTestServer SERVER = FlexFunTestServer.create();

    @Test
    void registeredThroughTheGeneratedRegistry() {
        assertTrue(SERVER.list().stream().map(FunctionInfo::name).anyMatch("MultiplicationTable"::equals));
    }

    @Test
    void returnsArrowData() {
        try (ArrowResult result = SERVER.callArrow("MultiplicationTable", Map.of("size", 12))) {
            assertEquals(144, result.rowCount());
            assertEquals(144, ((IntVector) result.root().getVector("product")).get(143));
        }
    }

    @Test
    void columnsHintIsHonoured() {
        // A hand-written function may ignore the hint; the server trims the result to the requested columns.
        var rows = SERVER.call("MultiplicationTable", Map.of("size", 2, "columns", java.util.List.of("product")));
        assertEquals(java.util.List.of(Map.of("product", 1), Map.of("product", 2), Map.of("product", 2),
                Map.of("product", 4)), rows);
    }

    @Test
    void badSizeIsABadArgument() {
        assertFails(ErrorCode.BAD_ARGUMENT, "between 1 and 1000", () -> SERVER.call("MultiplicationTable",
                Map.of("size", 0)));
    }
}
