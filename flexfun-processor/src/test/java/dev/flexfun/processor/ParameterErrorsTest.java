package dev.flexfun.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.flexfun.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compile errors on injected parameters: message, file and the parameter's line. */
class ParameterErrorsTest {
    private static final String IMPORTS = "import dev.flexfun.annotations.*; import dev.flexfun.runtime.*;"
            + " import dev.flexfun.runtime.context.ExecutionContext; import java.util.*; import java.math.BigDecimal;"
            + " import java.time.*;";

    /**
     * A class {@code fx.F} with a record {@code R} and one {@code @FlexFun} method {@code f}: line 4
     * is the method header and each of {@code parameters} is on its own line from line 5 on.
     */
    private static JavaFileObject method(String... parameters) {
        String[] lines = new String[parameters.length + 6];
        lines[0] = "package fx; " + IMPORTS;
        lines[1] = "public class F {";
        lines[2] = "  public record R(int a) {} public record G<T>(T a) {} enum Mode { A, B } private enum Hidden { X }";
        lines[3] = "  @FlexFun public static R f(";
        for (int i = 0; i < parameters.length; i++) {
            lines[4 + i] = "      " + parameters[i] + (i + 1 < parameters.length ? "," : "");
        }
        lines[lines.length - 2] = "  ) { return null; }";
        lines[lines.length - 1] = "}";
        return source("fx.F", lines);
    }

    private static void assertError(JavaFileObject source, int line, String message) {
        Compilation compilation = Fixtures.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
    }

    private static final String F = "of @FlexFun method f()";

    @Test
    void unsupportedParamType() {
        assertError(method("CallContext ctx", "@Param(\"when\") LocalDateTime when"), 6,
                "Parameter 'when' " + F + ": @Param cannot bind the type java.time.LocalDateTime. Supported: String,"
                        + " char, boolean, byte, short, int, long, float, double (or their boxed types), BigDecimal,"
                        + " LocalDate, Instant, an enum, List<String>, a record (mapped by Jackson), or Optional<T> of"
                        + " one of these.");
    }

    @Test
    void paramOfAListOfNumbersIsUnsupported() {
        assertError(method("@Param(\"ids\") List<Integer> ids"), 5,
                "Parameter 'ids' " + F + ": @Param cannot bind the type java.util.List<java.lang.Integer>.");
    }

    @Test
    void paramOfAGenericRecordOrNestedOptionalIsUnsupported() {
        assertError(method("@Param(\"g\") G<String> g"), 5, "Parameter 'g' " + F + ": @Param cannot bind the type");
        assertError(method("@Param(\"o\") Optional<Optional<String>> o"), 5,
                "Parameter 'o' " + F + ": @Param cannot bind the type java.util.Optional<java.util.Optional<");
    }

    @Test
    void paramOnCallContext() {
        assertError(method("@Param(\"ctx\") CallContext ctx"), 5, "Parameter 'ctx' " + F
                + " is a dev.flexfun.runtime.CallContext, which is injected by its type; remove @Param.");
    }

    @Test
    void paramOnExecutionContext() {
        assertError(method("int a", "@Param(\"executionContext\") ExecutionContext ec"), 6, "Parameter 'ec' " + F
                + " is a dev.flexfun.runtime.context.ExecutionContext, which is injected by its type; remove @Param.");
    }

    @Test
    void parameterWithoutBinding() {
        assertError(method("CallContext ctx", "String region"), 6, "Parameter 'region' " + F
                + " has type java.lang.String but no binding: annotate it with @Param(\"name\") to bind"
                + " parameters.name (the parameter's own name is not used).");
    }

    @Test
    void columnsSetWithoutAnnotation() {
        assertError(method("Set<String> columns"), 5, "Parameter 'columns' " + F + " has type"
                + " java.util.Set<java.lang.String> but no binding: annotate it with @Columns to receive the columns"
                + " the call needs.");
    }

    @Test
    void headersMapWithoutAnnotation() {
        assertError(method("Map<String, List<String>> headers"), 5, "but no binding: annotate it with @Headers to"
                + " receive the call's headers.");
    }

    @Test
    void columnsOnTheWrongType() {
        assertError(method("@Columns List<String> columns"), 5, "Parameter 'columns' " + F + " is annotated"
                + " @Columns, which needs the type java.util.Set<String>, but it is java.util.List<java.lang.String>.");
    }

    @Test
    void headersOnTheWrongType() {
        assertError(method("@Headers Map<String, String> headers"), 5, "Parameter 'headers' " + F + " is annotated"
                + " @Headers, which needs the type java.util.Map<String, java.util.List<String>>, but it is"
                + " java.util.Map<java.lang.String,java.lang.String>.");
    }

    @Test
    void twoParametersBoundToTheSameName() {
        assertError(method("@Param(\"region\") String region", "CallContext ctx", "@Param(\"region\") Optional<String> again"),
                7, "Parameter 'again' " + F + " binds parameters.region, which parameter 'region' binds already;"
                        + " bind each value once.");
    }

    @Test
    void optionalPrimitive() {
        assertError(method("@Param(value = \"limit\", required = false) int limit"), 5, "Parameter 'limit' " + F
                + " is a primitive int, which cannot be optional (@Param(required = false)) without a default: use"
                + " Integer (null when absent) or Optional<Integer>, or make it required.");
        assertError(method("@Param(value = \"on\", required = false) boolean on"), 5,
                "use Boolean (null when absent) or Optional<Boolean>");
    }

    @Test
    void twoBindingAnnotations() {
        assertError(method("@Param(\"c\") @Columns Set<String> c"), 5, "Parameter 'c' " + F
                + " has @Param and @Columns; a parameter has one binding. Keep one annotation.");
    }

    @Test
    void blankParamName() {
        assertError(method("@Param(\" \") String s"), 5, "Parameter 's' " + F + ": @Param needs the name of the value"
                + " under parameters, e.g. @Param(\"region\").");
    }

    @Test
    void paramNamedLikeTheReservedKeys() {
        assertError(method("@Param(\"executionContext\") String ec"), 5, "Parameter 'ec' " + F
                + ": parameters.executionContext is the execution context; take an"
                + " dev.flexfun.runtime.context.ExecutionContext (or Optional<ExecutionContext>) parameter without @Param.");
        assertError(method("@Param(\"columns\") List<String> cols"), 5, "Parameter 'cols' " + F
                + ": parameters.columns is the columns hint; take it as @Columns Set<String> instead of"
                + " @Param(\"columns\").");
    }

    @Test
    void executionContextTwice() {
        assertError(method("ExecutionContext ec", "Optional<ExecutionContext> again"), 6, "Parameter 'again' " + F
                + " receives the ExecutionContext again (parameter 'ec' already does); take it once.");
    }

    @Test
    void callContextOrColumnsTwice() {
        assertError(method("CallContext a", "CallContext b"), 6,
                "Parameter 'b' " + F + " receives the CallContext again (parameter 'a' already does); take it once.");
        assertError(method("@Columns Set<String> a", "@Columns Set<String> b"), 6,
                "Parameter 'b' " + F + " receives the columns (@Columns) again (parameter 'a' already does)");
    }

    @Test
    void enumTheAdapterCannotReach() {
        assertError(method("@Param(\"h\") Hidden h"), 5, "Parameter 'h' " + F + " has the type Hidden, which the"
                + " generated adapter cannot reach");
    }
}
