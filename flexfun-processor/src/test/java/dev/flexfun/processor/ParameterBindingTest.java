package dev.flexfun.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated adapters bind injected parameters: compile fixture functions that echo what they
 * received (value and Java class) as rows, call them with JSON parameters, read the vectors back.
 */
class ParameterBindingTest {
    private static final String SOURCE = """
            package fx;

            import dev.flexfun.annotations.*;
            import dev.flexfun.runtime.CallContext;
            import dev.flexfun.runtime.context.ExecutionContext;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;

            public final class Bind {
                public record V(String v) {}
                public record Two(String a, String b) {}
                public enum Mode { FAST, SLOW, Slow }
                public record Range(LocalDate from, int step, Optional<String> label) {}

                /** One row per value: "<class>:<value>". */
                static List<V> v(Object... values) {
                    List<V> rows = new ArrayList<>();
                    for (Object o : values) {
                        rows.add(new V(o == null ? "null" : o.getClass().getSimpleName() + ":" + o));
                    }
                    return rows;
                }

                @FlexFun public static List<V> string(@Param("x") String x) { return v(x); }
                @FlexFun public static List<V> character(@Param("x") char x) { return v(x); }
                @FlexFun public static List<V> bool(@Param("x") boolean x) { return v(x); }
                @FlexFun public static List<V> byteValue(@Param("x") byte x) { return v(x); }
                @FlexFun public static List<V> shortValue(@Param("x") short x) { return v(x); }
                @FlexFun public static List<V> intValue(@Param("x") int x) { return v(x); }
                @FlexFun public static List<V> longValue(@Param("x") long x) { return v(x); }
                @FlexFun public static List<V> floatValue(@Param("x") float x) { return v(x); }
                @FlexFun public static List<V> doubleValue(@Param("x") double x) { return v(x); }
                @FlexFun public static List<V> boxedInt(@Param("x") Integer x) { return v(x); }
                @FlexFun public static List<V> boxedBool(@Param("x") Boolean x) { return v(x); }
                @FlexFun public static List<V> decimal(@Param("x") BigDecimal x) { return v(x); }
                @FlexFun public static List<V> date(@Param("x") LocalDate x) { return v(x); }
                @FlexFun public static List<V> instant(@Param("x") Instant x) { return v(x); }
                @FlexFun public static List<V> mode(@Param("x") Mode x) { return v(x); }
                @FlexFun public static List<V> list(@Param("x") List<String> x) { return v(x.toArray()); }
                @FlexFun public static List<V> range(@Param("x") Range x) { return v(x); }

                @FlexFun public static List<V> optional(@Param("x") Optional<String> x) { return v(x); }
                @FlexFun public static List<V> optionalRange(@Param("x") Optional<Range> x) { return v(x); }
                @FlexFun public static List<V> notRequired(@Param(value = "x", required = false) Long x) { return v(x); }

                @FlexFun public static List<V> context(ExecutionContext ec) { return v(ec.workspaceId()); }
                @FlexFun public static List<V> maybeContext(Optional<ExecutionContext> ec) {
                    return v(ec.map(ExecutionContext::userId).orElse("none"));
                }
                @FlexFun public static List<Two> columns(@Columns Set<String> columns) {
                    return List.of(new Two(String.join("+", columns), String.join("+", columns)));
                }
                @FlexFun public static List<V> headers(@Headers Map<String, List<String>> headers) {
                    return v(String.join(",", headers.get("x-team")));
                }
                /** How often {@code counted} ran: checkCall must bind without running it. */
                public static int runs;
                @FlexFun public static List<V> counted(@Param("x") int x, ExecutionContext ec) { runs++; return v(x); }
                /** Every kind, in no particular order; names that clash with the adapter's own locals. */
                @FlexFun public static List<V> mixed(@Param("b") int parameters, CallContext ctx,
                        Optional<ExecutionContext> context, @Param("a") Optional<String> columns,
                        @Headers Map<String, List<String>> h) {
                    return v(parameters, ctx.functionName(), context.isPresent(), columns.orElse("-"), h.size());
                }
            }
            """;

    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        loader = Fixtures.compileAndLoad(JavaFileObjects.forSourceString("fx.Bind", SOURCE));
    }

    private static FlexFunction function(String method) {
        return Fixtures.instance(loader, "fx.Bind_" + method + "Adapter", FlexFunction.class);
    }

    /** The rows of column {@code column} of a call with these parameters. */
    private static List<String> call(String method, String parametersJson, String column) throws Exception {
        return call(method, CallContext.builder().functionName(method).parametersJson(parametersJson).build(), column);
    }

    private static List<String> call(String method, CallContext context, String column) throws Exception {
        List<String> rows = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function(method).call(context);
                BatchStream stream = result.open(allocator)) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.root();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Object value = root.getVector(column).getObject(i);
                    rows.add(value == null ? null : value.toString());
                }
            }
        }
        return rows;
    }

    private static String bound(String method, String valueJson) throws Exception {
        List<String> rows = call(method, "{\"x\": " + valueJson + "}", "v");
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string      | \"Prague\"                    | String:Prague",
            "string      | \"\"                          | String:",
            "character   | \"é\"                         | Character:é",
            "bool        | true                          | Boolean:true",
            "byteValue   | -128                          | Byte:-128",
            "shortValue  | 32767                         | Short:32767",
            "intValue    | 2147483647                    | Integer:2147483647",
            "intValue    | 3.0                           | Integer:3",
            "longValue   | -9223372036854775808          | Long:-9223372036854775808",
            "floatValue  | 1.5                           | Float:1.5",
            "doubleValue | 2                             | Double:2.0",
            "doubleValue | -0.125                        | Double:-0.125",
            "boxedInt    | 42                            | Integer:42",
            "boxedBool   | false                         | Boolean:false",
            "decimal     | 12.50                         | BigDecimal:12.50",
            "decimal     | 12345678901234567890.125      | BigDecimal:12345678901234567890.125",
            "decimal     | \"12.50\"                     | BigDecimal:12.50",
            "decimal     | \"12345678901234567890.125\"  | BigDecimal:12345678901234567890.125",
            "date        | \"1969-12-31\"                | LocalDate:1969-12-31",
            "instant     | \"2024-09-12T12:51:26+02:00\" | Instant:2024-09-12T10:51:26Z",
            "instant     | \"2024-09-12T12:51:26.123456789Z\" | Instant:2024-09-12T12:51:26.123456789Z",
            "mode        | \"SLOW\"                      | Mode:SLOW",
            "mode        | \"Slow\"                      | Mode:Slow",
            "mode        | \"fast\"                      | Mode:FAST",
            "range       | {\"from\": \"2024-01-31\", \"step\": 7, \"extra\": 1} | Range:Range[from=2024-01-31, step=7, label=Optional.empty]",
            "range       | {\"from\": null, \"step\": 1, \"label\": \"x\"} | Range:Range[from=null, step=1, label=Optional[x]]",
            "optional    | \"a\"                         | Optional:Optional[a]",
            "optional    | null                          | Optional:Optional.empty",
            "optionalRange | {\"step\": 2}               | Optional:Optional[Range[from=null, step=2, label=Optional.empty]]",
            "notRequired | null                          | null",
            "notRequired | 5                             | Long:5",
    })
    void bindsEverySupportedType(String method, String json, String expected) throws Exception {
        assertEquals(expected, bound(method, json));
    }

    @Test
    void bindsAListOfStrings() throws Exception {
        assertEquals(List.of("String:a", "String:", "String:ž"), call("list", "{\"x\": [\"a\", \"\", \"ž\"]}", "v"));
    }

    @Test
    void anAbsentOptionalParameterIsEmptyOrNull() throws Exception {
        assertEquals(List.of("Optional:Optional.empty"), call("optional", "{}", "v"));
        assertEquals(List.of("Optional:Optional.empty"), call("optionalRange", "{}", "v"));
        assertEquals(Arrays.asList("null"), call("notRequired", "{}", "v"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "string      | 3                  | Parameter 'x' (parameters.x) must be a string, found number 3.",
            "string      | [\"a\"]            | Parameter 'x' (parameters.x) must be a string, found array [\"a\"].",
            "character   | \"ab\"             | Parameter 'x' (parameters.x) must be a string of one character, found string \"ab\".",
            "bool        | \"true\"           | Parameter 'x' (parameters.x) must be a boolean (true or false), found string \"true\".",
            "byteValue   | 128                | Parameter 'x' (parameters.x) must be an integer (a byte, -128..127), found number 128.",
            "intValue    | 2147483648         | Parameter 'x' (parameters.x) must be an integer (an int, -2147483648..2147483647), found number 2147483648.",
            "intValue    | 1.5                | Parameter 'x' (parameters.x) must be an integer (an int, -2147483648..2147483647), found number 1.5.",
            "longValue   | \"7\"              | Parameter 'x' (parameters.x) must be an integer (a long, -9223372036854775808..9223372036854775807), found string \"7\".",
            "doubleValue | \"NaN\"            | Parameter 'x' (parameters.x) must be a number, found string \"NaN\".",
            "decimal     | \"12,5\"           | Parameter 'x' (parameters.x) must be a decimal number (a JSON number or a string like \"12.50\"), found string \"12,5\".",
            "date        | \"31.1.2024\"      | Parameter 'x' (parameters.x) must be an ISO date string like \"2024-09-12\", found string \"31.1.2024\".",
            "instant     | 1726145486         | Parameter 'x' (parameters.x) must be an ISO instant string like \"2024-09-12T12:51:26Z\", found number 1726145486.",
            "mode        | \"MEDIUM\"         | Parameter 'x' (parameters.x) must be one of [FAST, SLOW, Slow], found string \"MEDIUM\".",
            "mode        | \"slow\"           | Parameter 'x' (parameters.x) must be one of [FAST, SLOW, Slow], found string \"slow\".",
            "list        | [\"a\", 1]         | Parameter 'x' (parameters.x) must be an array of strings, but element [1] is number 1.",
            "list        | \"a\"              | Parameter 'x' (parameters.x) must be an array of strings, found string \"a\".",
            "range       | [1]                | Parameter 'x' (parameters.x) must be an object (Range), found array [1].",
            "optional    | 1                  | Parameter 'x' (parameters.x) must be a string, found number 1.",
            "string      | null               | Parameter 'x' (parameters.x) is required but is null.",
    })
    void aValueOfTheWrongTypeIsABadArgumentNamingTheParameter(String method, String json, String message) {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> bound(method, json));
        assertEquals(ErrorCode.BAD_ARGUMENT, e.code());
        assertEquals(message, e.getMessage());
        BadArgumentException checked = assertThrows(BadArgumentException.class, () -> function(method).checkCall(
                CallContext.builder().functionName(method).parametersJson("{\"x\": " + json + "}").build()));
        assertEquals(message, checked.getMessage(), "checkCall refuses what call refuses, in the same words");
    }

    @Test
    void checkCallBindsEverythingWithoutRunningTheMethod() throws Exception {
        String context = "{\"executionType\": \"REPORT\", \"organizationId\": \"o\", \"workspaceId\": \"ws1\","
                + " \"userId\": \"u\", \"attributes\": [], \"filters\": [], \"reportExecutionRequest\": {}}";
        FlexFunction counted = function("counted");
        Class<?> owner = loader.loadClass("fx.Bind");
        owner.getField("runs").setInt(null, 0);

        counted.checkCall(CallContext.builder().parametersJson("{\"x\": 3}").executionContextJson(context)
                .columns("v").build());
        assertEquals(0, owner.getField("runs").getInt(null), "checkCall must not run the method");

        assertEquals("Parameter 'x' (parameters.x) is required but is missing.", assertThrows(
                BadArgumentException.class, () -> counted.checkCall(CallContext.builder()
                        .executionContextJson(context).build())).getMessage());
        assertEquals("This function needs parameters.executionContext (the GoodData execution context), but the call"
                + " of 'counted' has none.", assertThrows(BadArgumentException.class, () -> counted.checkCall(
                        CallContext.builder().functionName("counted").parametersJson("{\"x\": 3}").build()))
                .getMessage());
        BadArgumentException badColumn = assertThrows(BadArgumentException.class, () -> counted.checkCall(
                CallContext.builder().parametersJson("{\"x\": 3}").executionContextJson(context).columns("nope")
                        .build()));
        assertTrue(badColumn.getMessage().contains("nope"), badColumn.getMessage());
        assertEquals(0, owner.getField("runs").getInt(null), "checkCall must not run the method");
    }

    /** Jackson's own words follow the prefix; the prefix names the parameter and the field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"step\": \"x\"}              | Parameter 'x' (parameters.x) cannot be read as Range at parameters.x.step: ",
            "{\"step\": null}               | Parameter 'x' (parameters.x) cannot be read as Range at parameters.x.step: ",
            "{\"step\": 1, \"from\": \"soon\"} | Parameter 'x' (parameters.x) cannot be read as Range at parameters.x.from: ",
    })
    void aRecordThatDoesNotMapIsABadArgumentNamingTheField(String json, String prefix) {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> bound("range", json));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"string", "intValue", "range", "list", "mode", "decimal"})
    void aMissingRequiredParameterIsABadArgumentNamingIt(String method) {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> call(method, "{}", "v"));
        assertEquals("Parameter 'x' (parameters.x) is required but is missing.", e.getMessage());
    }

    @Test
    void executionContextIsParsedFromTheParameters() throws Exception {
        String context = "{\"executionType\": \"REPORT\", \"organizationId\": \"o\", \"workspaceId\": \"ws1\","
                + " \"userId\": \"u\", \"attributes\": [], \"filters\": [], \"reportExecutionRequest\": {}}";
        assertEquals(List.of("String:ws1"), call("context",
                CallContext.builder().executionContextJson(context).build(), "v"));
        assertEquals(List.of("String:u"), call("maybeContext",
                CallContext.builder().executionContextJson(context).build(), "v"));
        assertEquals(List.of("String:none"), call("maybeContext", "{}", "v"));
    }

    @Test
    void aRequiredExecutionContextThatIsMissingIsABadArgument() {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> call("context", "{}", "v"));
        assertEquals("This function needs parameters.executionContext (the GoodData execution context), but the call"
                + " of 'context' has none.", e.getMessage());
    }

    @Test
    void aMalformedExecutionContextIsABadArgumentWithItsPath() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> call("maybeContext", "{\"executionContext\": {\"workspaceId\": 1}}", "v"));
        assertEquals("parameters.executionContext.executionType is required but is missing.", e.getMessage());
    }

    @Test
    void columnsAreTheHintInSchemaOrderOrAllColumns() throws Exception {
        assertEquals(List.of("a+b"), call("columns", "{}", "a"));
        assertEquals(List.of("a+b"), call("columns", CallContext.builder().columns("b", "a").build(), "a"));
        assertEquals(List.of("b"), call("columns", CallContext.builder().columns("b").build(), "b"),
                "only b was requested, so a (which would say 'b') is not even written");
    }

    @Test
    void headersAreTheCallHeaders() throws Exception {
        CallContext context = CallContext.builder().header("X-Team", "a").header("x-team", "b").build();
        assertEquals(List.of("String:a,b"), call("headers", context, "v"));
    }

    @Test
    void kindsMixInAnyOrder() throws Exception {
        CallContext context = CallContext.builder().functionName("mixed").parametersJson("{\"b\": 7, \"a\": \"x\"}")
                .header("x-one", "1").build();
        assertEquals(List.of("Integer:7", "String:mixed", "Boolean:false", "String:x", "Integer:1"),
                call("mixed", context, "v"));
    }
}
