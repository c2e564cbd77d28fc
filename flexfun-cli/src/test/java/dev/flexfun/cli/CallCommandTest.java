package dev.flexfun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.ParametersJson;
import dev.flexfun.testkit.FlexFunTestServer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code flexfun call} against the test kit's server: every output format, parameters, columns, errors. */
@Timeout(60)
class CallCommandTest {
    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create();

    private static CliRun.Result call(String... args) {
        return CliRun.create().run(CliRun.args(List.of("call", "--url", url()), args));
    }

    private static String url() {
        return "grpc://127.0.0.1:" + server.server().port();
    }

    @Test
    void tableAlignsColumnsAndRightAlignsNumbers() {
        CliRun.Result result = call("Items");
        assertEquals(0, result.code(), result::toString);
        assertEquals("""
                id  name                 score  active        price  day         note
                --  ---------------  ---------  ------  -----------  ----------  -----
                 1  plain                  0.5  true          12.50  2024-02-29  first
                 2  comma, "quoted"      -1.25  false         -0.01  1999-12-31  null
                30  wide value       1000000.0  true    99999999.99  2000-01-01  third
                """, result.out());
        assertEquals("", result.err(), "no progress when stderr is not a terminal");
    }

    @Test
    void csvQuotesWhatNeedsItAndLeavesNullsEmpty() {
        CliRun.Result result = call("Items", "--format", "csv");
        assertEquals(0, result.code(), result::toString);
        assertEquals("""
                id,name,score,active,price,day,note
                1,plain,0.5,true,12.50,2024-02-29,first
                2,"comma, ""quoted""\",-1.25,false,-0.01,1999-12-31,
                30,wide value,1000000.0,true,99999999.99,2000-01-01,third
                """, result.out());
    }

    @Test
    void jsonIsAnArrayOfRowsOnePerLineWithTypedValues() throws Exception {
        CliRun.Result result = call("Items", "--format", "json");
        assertEquals(0, result.code(), result::toString);
        assertEquals("""
                [
                {"id":1,"name":"plain","score":0.5,"active":true,"price":12.50,"day":"2024-02-29","note":"first"},
                {"id":2,"name":"comma, \\"quoted\\"","score":-1.25,"active":false,"price":-0.01,"day":"1999-12-31","note":null},
                {"id":30,"name":"wide value","score":1000000.0,"active":true,"price":99999999.99,"day":"2000-01-01","note":"third"}
                ]
                """, result.out());
        assertEquals(3, new ObjectMapper().readTree(result.out()).size(), "valid JSON");
    }

    @Test
    void anEmptyResultIsAnEmptyArrayAndAHeaderOnly() {
        assertEquals("[]\n", call("Numbers", "--param", "count=0", "--format", "json").out());
        assertEquals("n\n", call("Numbers", "--param", "count=0", "--format", "csv").out());
        assertEquals("n\n-\n", call("Numbers", "--param", "count=0").out());
    }

    @Test
    void arrowIsAnIpcStreamWithTheSchemaAndAllBatches() throws Exception {
        CliRun.Result result = call("Numbers", "--param", "count=150000", "--format", "arrow");
        assertEquals(0, result.code(), result.err());
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(result.stdout()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(List.of("n"), root.getSchema().getFields().stream().map(Field::getName).toList());
            long rows = 0;
            long sum = 0;
            int batches = 0;
            while (reader.loadNextBatch()) {
                batches++;
                for (int i = 0; i < root.getRowCount(); i++) {
                    sum += ((org.apache.arrow.vector.BigIntVector) root.getVector("n")).get(i);
                }
                rows += root.getRowCount();
            }
            assertEquals(150_000, rows);
            assertEquals(150_000L * 149_999 / 2, sum);
            assertTrue(batches >= 3, "the default batch size is 65536 rows: " + batches + " batches");
        }
    }

    @Test
    void arrowKeepsTypesAndOnlyTheColumnsAskedFor() throws Exception {
        CliRun.Result result = call("Items", "--format", "arrow", "--columns", "price,day");
        assertEquals(0, result.code(), result.err());
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(result.stdout()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertTrue(reader.loadNextBatch());
            assertEquals(List.of("price", "day"), root.getSchema().getFields().stream().map(Field::getName).toList());
            assertEquals(new BigDecimal("12.50"), root.getVector("price").getObject(0));
            assertEquals(LocalDate.of(2024, 2, 29),
                    dev.flexfun.runtime.vector.ArrowValues.get(root.getVector("day"), 0));
        }
    }

    @Test
    void columnsAreSentAsTheHintAndTheOutputKeepsOnlyThemInTheirOrder() throws Exception {
        CliRun.Result items = call("Items", "--columns", "name,id", "--format", "csv");
        assertEquals(0, items.code(), items::toString);
        assertEquals("name,id\nplain,1\n\"comma, \"\"quoted\"\"\",2\nwide value,30\n", items.out());

        assertEquals("[\"parameters\"]", echoed("--columns", "parameters").get("columns").toString());
    }

    @Test
    void paramsAreTypedNumbersBooleansAndJson() throws Exception {
        JsonNode sent = echoed("--param", "limit=5", "--param", "ratio=0.10", "--param", "flag=true",
                "--param", "name=abc", "--param", "ids=[1,2]", "--param", "code=\"42\"", "--param", "none=null",
                "--param", "big=123456789012345678901234567890", "--param", "eq=a=b");
        assertEquals("{\"limit\":5,\"ratio\":0.10,\"flag\":true,\"name\":\"abc\",\"ids\":[1,2],\"code\":\"42\","
                + "\"none\":null,\"big\":123456789012345678901234567890,\"eq\":\"a=b\"}", sent.toString());
    }

    @Test
    void paramsJsonFromStdinContextFromAFileAndParamsWin(@TempDir Path dir) throws Exception {
        Path context = dir.resolve("context.json");
        // As GoodData logs a call's parameters: the context under executionContext.
        Files.writeString(context, "{\"executionContext\": {\"executionType\": \"REPORT\", \"organizationId\": \"org\"}}");
        CliRun.Result result = CliRun.create().stdin("{\"a\": 1, \"b\": \"x\"}").run("call", "--url", url(), "Echo",
                "--params-json", "-", "--context", context.toString(), "--param", "b=y", "--format", "json");
        assertEquals(0, result.code(), result::toString);
        JsonNode sent = new ObjectMapper().readTree(new ObjectMapper().readTree(result.out()).get(0).get("parameters").asText());
        assertEquals("{\"a\":1,\"b\":\"y\",\"executionContext\":{\"executionType\":\"REPORT\",\"organizationId\":\"org\"}}",
                sent.toString());

        Path bare = dir.resolve("bare.json");
        Files.writeString(bare, "{\"executionType\": \"LABEL_ELEMENTS\"}");
        assertEquals("{\"executionType\":\"LABEL_ELEMENTS\"}",
                echoed("--context", bare.toString()).get("executionContext").toString());
    }

    @Test
    void aServerErrorPrintsCodeMessageAndDetailAndExitsWithOne() {
        CliRun.Result missing = call("Nope");
        assertEquals(ExitCode.SERVER_ERROR, missing.code(), missing::toString);
        assertEquals("error: BAD_ARGUMENT\nmessage: Function 'Nope' does not exist on this server; ListFlights lists "
                + "the functions it serves.\n", missing.err());
        assertEquals("", missing.out());

        CliRun.Result noParam = call("Numbers");
        assertEquals(ExitCode.SERVER_ERROR, noParam.code(), noParam::toString);
        assertTrue(noParam.err().startsWith("error: BAD_ARGUMENT\nmessage: "), noParam.err());
        assertTrue(noParam.err().contains("count"), noParam.err());

        CliRun.Result badColumn = call("Items", "--columns", "nope");
        assertEquals(ExitCode.SERVER_ERROR, badColumn.code(), badColumn::toString);
        assertTrue(badColumn.err().contains("nope"), badColumn.err());
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) {
        for (String[] args : List.of(new String[] {"call", "--url", url()}, new String[] {"call", "Items", "--format", "xml"},
                new String[] {"call", "Items", "--param", "novalue"}, new String[] {"call", "Items", "--limit", "0"},
                new String[] {"call", "Items", "--params-json", dir.resolve("nowhere.json").toString()},
                new String[] {"call", "Items", "--param", "x=[1,"}, new String[] {"call", "Items", "--url", "http://x:1"},
                new String[] {"call", "Items", "--timeout", "soon"}, new String[] {"frobnicate"}, new String[] {})) {
            CliRun.Result result = CliRun.create().run(args);
            assertEquals(ExitCode.USAGE, result.code(), () -> String.join(" ", args) + "\n" + result);
            assertTrue(result.err().contains("Usage:") || result.err().contains("flexfun"), result::toString);
        }
    }

    @Test
    void noServerThereExitsWithThree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun.Result result = CliRun.create().run("call", "Items", "--url", "grpc://127.0.0.1:" + port);
        assertEquals(ExitCode.CONNECTION, result.code(), result::toString);
        assertTrue(result.err().startsWith("flexfun: cannot connect to grpc://127.0.0.1:" + port + ": "), result.err());
    }

    @Test
    void progressGoesToStderrAndLeavesStdoutClean() {
        CliRun.Result result = call("Numbers", "--param", "count=200000", "--format", "csv", "--progress");
        assertEquals(0, result.code(), result::toString);
        assertEquals(200_001, result.out().lines().count());
        String last = result.err().substring(result.err().lastIndexOf('\r') + 1);
        assertTrue(last.matches("\\e\\[K200,000 rows  \\d+\\.\\d MB  [\\d,]+ rows/s\n"), last);
    }

    @Test
    void helpAndVersionExitWithZero() {
        CliRun.Result help = CliRun.create().run("call", "--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("--limit=N") && help.out().contains("130  interrupted with Ctrl-C"), help.out());
        CliRun.Result version = CliRun.create().run("--version");
        assertEquals(0, version.code(), version::toString);
        assertTrue(version.out().startsWith("flexfun "), version.out());
    }

    @Test
    void theUrlCanComeFromTheEnvironment() {
        CliRun.Result result = CliRun.create().env("FLEXFUN_URL", url()).run("call", "Items", "--format", "csv",
                "--columns", "id");
        assertEquals(0, result.code(), result::toString);
        assertEquals("id\n1\n2\n30\n", result.out());
    }

    private static JsonNode echoed(String... args) throws Exception {
        CliRun.Result result = call(CliRun.args(List.of("Echo", "--format", "json"), args));
        assertEquals(0, result.code(), result::toString);
        String parameters = new ObjectMapper().readTree(result.out()).get(0).get("parameters").asText();
        return ParametersJson.MAPPER.readTree(parameters); // exact decimals, as the server read them
    }
}
