package dev.flexfun.testkit;

import static dev.flexfun.testkit.FlexFunAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.protocol.ErrorInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The test kit as a user meets it: a static extension serving hand-written functions. */
class FlexFunTestServerTest {

    @RegisterExtension
    static final FlexFunTestServer SERVER = FlexFunTestServer.create()
            .withoutDiscovery()
            .function(KitFunctions.types())
            .function(KitFunctions.count());

    @Test
    void listsTheFunctionsWithMetadataAndSchema() {
        List<FunctionInfo> functions = SERVER.list();
        // By name, not in the order they were given.
        assertEquals(List.of("Count", "Types"), functions.stream().map(FunctionInfo::name).toList());
        assertNull(functions.get(1).metadata());
        assertEquals("kit", functions.get(0).metadata().path("tags").get(0).asText());
        assertEquals(List.of("i"), functions.get(0).schema().getFields().stream().map(Field::getName).toList());
    }

    @Test
    void schemaOfOneFunction() {
        assertEquals(KitFunctions.types().schema(), SERVER.schema("Types"));
    }

    @Test
    void rowsAsMapsWithJavaValues() {
        List<Map<String, Object>> rows = SERVER.call("Types");
        assertEquals(2, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals(true, row.get("flag"));
        assertEquals(Byte.MIN_VALUE, row.get("tiny"));
        assertEquals(Short.MAX_VALUE, row.get("small"));
        assertEquals(-7, row.get("integer"));
        assertEquals(Long.MAX_VALUE, row.get("big"));
        assertEquals(1.5f, row.get("real"));
        assertTrue(((Double) row.get("dbl")).isNaN());
        assertEquals("Grüße ✓", row.get("text"));
        assertEquals(KitFunctions.DECIMAL, row.get("amount"));
        assertEquals(KitFunctions.DATE, row.get("day"));
        assertEquals(KitFunctions.TIME, row.get("time"));
        assertEquals(KitFunctions.LOCAL_TIMESTAMP, row.get("local"));
        assertEquals(KitFunctions.INSTANT, row.get("instant"));
        assertArrayEquals(new byte[] {0, -1, 42}, (byte[]) row.get("bytes"));
        Map<String, Object> nulls = new HashMap<>();
        row.keySet().forEach(name -> nulls.put(name, null));
        assertEquals(nulls, rows.get(1), "row 1 is all nulls");
    }

    @Test
    void rowsAsRecords() {
        List<KitFunctions.TypesRow> rows = SERVER.call("Types", Map.of(), KitFunctions.TypesRow.class);
        KitFunctions.TypesRow row = rows.get(0);
        assertEquals(KitFunctions.INSTANT, row.instant());
        assertEquals(KitFunctions.DECIMAL, row.amount());
        assertEquals(Byte.MIN_VALUE, row.tiny());
        assertArrayEquals(new byte[] {0, -1, 42}, row.bytes());
        assertNull(rows.get(1).text());
    }

    @Test
    void recordWithAComponentThatIsNoColumnIsRejected() {
        record Wrong(long j) {
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SERVER.call("Count", Map.of("n", 1), Wrong.class));
        assertTrue(e.getMessage().contains("component 'j'"), e.getMessage());
        assertTrue(e.getMessage().contains("[i]"), e.getMessage());
    }

    @Test
    void parametersAsMapOrJsonText() {
        record Row(long i) {
        }
        assertEquals(List.of(new Row(0), new Row(1)), SERVER.call("Count", Map.of("n", 2), Row.class));
        assertEquals(4, SERVER.call("Count", "{\"n\": 4}").size());
    }

    @Test
    void arrowResultWithDataSourceMessages() {
        try (ArrowResult result = SERVER.callArrow("Count", Map.of("n", 5))) {
            assertEquals(5, result.rowCount());
            assertEquals(4L, ((BigIntVector) result.root().getVector("i")).get(4));
            assertEquals("[{\"source\":\"Count\",\"correlation_id\":\"c-1\",\"type\":\"info\",\"data\":{\"rows\":5}}]",
                    result.dataSourceMessages().toString());
        }
    }

    @Test
    void assertFailsReadsTheErrorInfo() {
        ErrorInfo info = assertFails(ErrorCode.BAD_ARGUMENT, "must not be negative",
                () -> SERVER.call("Count", Map.of("n", -1)));
        assertEquals(ErrorCode.BAD_ARGUMENT.code(), info.code());
        assertFails(ErrorCode.BAD_ARGUMENT, "does not exist", () -> SERVER.call("Nope"));
    }

    @Test
    void assertFailsFailsOnAnotherCodeOrMessage() {
        AssertionFailedError wrongCode = assertThrows(AssertionFailedError.class,
                () -> assertFails(ErrorCode.COMMAND_FAILED, "negative", () -> SERVER.call("Count", Map.of("n", -1))));
        assertTrue(wrongCode.getMessage().contains("BAD_ARGUMENT"), wrongCode.getMessage());
        AssertionFailedError wrongMessage = assertThrows(AssertionFailedError.class,
                () -> assertFails(ErrorCode.BAD_ARGUMENT, "something else", () -> SERVER.call("Count", Map.of("n", -1))));
        assertTrue(wrongMessage.getMessage().contains("must not be negative"), wrongMessage.getMessage());
        assertThrows(AssertionFailedError.class, () -> assertFails(ErrorCode.BAD_ARGUMENT, "", () -> SERVER.call("Count")));
    }

    @Test
    void theServerListensOnLoopbackOnAFreePort() {
        assertEquals("127.0.0.1", SERVER.server().settings().server().listenHost());
        assertTrue(SERVER.server().port() > 0);
        assertTrue(Arrays.asList(17001, 0).stream().noneMatch(p -> p == SERVER.server().port()));
    }
}
