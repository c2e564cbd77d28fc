package ${package};

import static dev.flexfun.testkit.FlexFunAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.testkit.FunctionInfo;
import dev.flexfun.testkit.FlexFunTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real server, in-process on a free loopback port, serving this project's functions; the calls go
 * over Arrow Flight RPC as GoodData's do. The kit fails the test if Arrow memory leaked.
 */
class SalesEndToEndTest {
    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create();

    @Test
    void servesTheSalesOfARegion() {
        List<Sale> rows = server.call("Sales", Map.of("region", "AMER"), Sale.class);
        assertEquals(List.of(new Sale("AMER", "Widget", 2410.75, 21)), rows);
    }

    @Test
    void listsTheFunction() {
        assertEquals(List.of("Sales"), server.list().stream().map(FunctionInfo::name).toList());
    }

    @Test
    void rejectsAParameterOfTheWrongType() {
        assertFails(ErrorCode.BAD_ARGUMENT, "region", () -> server.call("Sales", Map.of("region", List.of(1))));
    }
}
