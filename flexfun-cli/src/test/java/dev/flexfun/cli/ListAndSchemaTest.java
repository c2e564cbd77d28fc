package dev.flexfun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.testkit.FlexFunTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code flexfun list} and {@code flexfun schema} against the test kit's server. */
@Timeout(60)
class ListAndSchemaTest {
    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create();

    private static String url() {
        return "grpc://127.0.0.1:" + server.server().port();
    }

    @Test
    void listPrintsEveryFunctionWithItsColumnsTypesAndMetadata() {
        CliRun.Result result = CliRun.create().run("list", "--url", url());
        assertEquals(0, result.code(), result::toString);
        assertEquals("""
                FUNCTION  COLUMN      TYPE                   NULLABLE  METADATA
                --------  ----------  ---------------------  --------  ----------------
                Echo      parameters  Utf8                   yes
                Items     id          Int(64, true)          no        {"tags":["cli"]}
                          name        Utf8                   yes
                          score       FloatingPoint(DOUBLE)  no
                          active      Bool                   no
                          price       Decimal(10, 2, 128)    yes
                          day         Date(DAY)              yes
                          note        Utf8                   yes
                Numbers   n           Int(64, true)          no
                Slow      n           Int(64, true)          no
                """, result.out());
    }

    @Test
    void listAsJson() throws Exception {
        CliRun.Result result = CliRun.create().run("list", "--url", url(), "--json");
        assertEquals(0, result.code(), result::toString);
        JsonNode functions = new ObjectMapper().readTree(result.out());
        assertEquals(4, functions.size());
        // The server lists functions by name (docs/protocol.md, "ListFlights").
        assertEquals("Echo", functions.get(0).get("name").asText());
        JsonNode items = functions.get(1);
        assertEquals("Items", items.get("name").asText());
        assertEquals("{\"tags\":[\"cli\"]}", items.get("metadata").toString());
        assertEquals("{\"name\":\"day\",\"type\":\"Date(DAY)\",\"nullable\":true}", items.get("columns").get(5).toString());
        assertTrue(functions.get(2).get("metadata").isNull(), "Numbers has no metadata: null");
    }

    @Test
    void schemaOfOneFunction() throws Exception {
        CliRun.Result table = CliRun.create().run("schema", "Echo", "--url", url());
        assertEquals(0, table.code(), table::toString);
        assertEquals("COLUMN      TYPE  NULLABLE\n----------  ----  --------\nparameters  Utf8  yes\n", table.out());

        CliRun.Result json = CliRun.create().run("schema", "Numbers", "--url", url(), "--json");
        assertEquals(0, json.code(), json::toString);
        assertEquals("{\"name\":\"Numbers\",\"columns\":[{\"name\":\"n\",\"type\":\"Int(64, true)\",\"nullable\":false}],"
                + "\"metadata\":{}}", new ObjectMapper().readTree(json.out()).toString());

        CliRun.Result missing = CliRun.create().run("schema", "Nope", "--url", url());
        assertEquals(ExitCode.SERVER_ERROR, missing.code());
        assertTrue(missing.err().startsWith("error: BAD_ARGUMENT\nmessage: Function 'Nope' does not exist"), missing.err());
    }
}
