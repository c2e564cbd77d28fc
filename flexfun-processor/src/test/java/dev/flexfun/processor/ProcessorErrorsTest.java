package dev.flexfun.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.flexfun.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every compile error: its message, file and line. */
class ProcessorErrorsTest {
    private static final String IMPORTS = "import dev.flexfun.annotations.*; import dev.flexfun.runtime.*;"
            + " import java.util.*; import java.math.BigDecimal; import java.time.*;";

    /** A class {@code fx.F} whose line 1 holds the imports and line 2 the class header. */
    static JavaFileObject fixture(String... body) {
        String[] lines = new String[body.length + 3];
        lines[0] = "package fx; " + IMPORTS;
        lines[1] = "public class F {";
        System.arraycopy(body, 0, lines, 2, body.length);
        lines[lines.length - 1] = "}";
        return source("fx.F", lines);
    }

    static void assertError(JavaFileObject source, int line, String message) {
        Compilation compilation = Fixtures.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
    }

    @Test
    void returnTypeNotARecord() {
        assertError(fixture(
                "  @FlexFun",
                "  public static String f() { return null; }"),
                4, "@FlexFun method f() returns java.lang.String, which is not a record nor a supported container of"
                        + " one. Return a record R, List<R>, Collection<R>, Iterable<R>, Iterator<R>, Stream<R> or R[].");
    }

    @Test
    void containerOfANonRecord() {
        assertError(fixture(
                "  @FlexFun",
                "  public static List<String> f() { return null; }"),
                4, "@FlexFun method f() returns java.util.List<java.lang.String>, but java.lang.String is not a"
                        + " record. Return a record R");
    }

    @Test
    void voidMethod() {
        assertError(fixture(
                "  @FlexFun",
                "  public static void f() { }"),
                4, "@FlexFun method f() returns void, which is not a record nor a supported container of one.");
    }

    @Test
    void rawContainer() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  public static List f() { return null; }"),
                5, "@FlexFun method f() returns the raw type java.util.List; give its record type, e.g."
                        + " java.util.List<MyRecord>.");
    }

    @Test
    void wildcardContainer() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  public static List<? extends R> f() { return null; }"),
                5, "@FlexFun method f() returns java.util.List<? extends fx.F.R>; wildcards are not supported."
                        + " Declare the record type exactly, e.g. java.util.List<MyRecord>.");
    }

    @Test
    void genericMethod() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  public static <T extends R> List<T> f() { return null; }"),
                5, "@FlexFun method f() must not be generic (it declares <T>): the schema must be"
                        + " known at compile time. Return a concrete record type.");
    }

    @Test
    void unsupportedComponentType() {
        assertError(fixture(
                "  public record R(int a,",
                "      Map<String, String> tags) {}",
                "  @FlexFun",
                "  public static List<R> f() { return null; }"),
                4, "Component 'tags' of R has type java.util.Map<java.lang.String,java.lang.String>, which cannot"
                        + " be a column. Supported types: boolean, byte, short, int, long, float, double, char");
    }

    @Test
    void bigDecimalWithoutPrecisionAndScale() {
        assertError(fixture(
                "  public record R(",
                "      @Column(scale = 2) BigDecimal price) {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                4, "Component 'price' of R is a BigDecimal, which needs a precision and a scale: add @Column(precision"
                        + " = ..., scale = ...), e.g. @Column(precision = 18, scale = 2) (precision 1..38, scale"
                        + " 0..precision).");
    }

    @Test
    void decimalPrecisionOutOfRange() {
        assertError(fixture(
                "  public record R(",
                "      @Column(precision = 39, scale = 2) BigDecimal price) {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                4, "Component 'price' of R has @Column(precision = 39, scale = 2); the precision must be 1..38 and"
                        + " the scale 0..precision.");
    }

    @Test
    void duplicateFunctionNamePointsAtBoth() {
        JavaFileObject source = fixture(
                "  public record R(int a) {}",
                "  @FlexFun(name = \"Same\")",
                "  public static R one() { return null; }",
                "  @FlexFun(name = \"Same\")",
                "  public static R two() { return null; }");
        Compilation compilation = Fixtures.compile(source);
        assertThat(compilation).hadErrorContaining("Duplicate FlexFunction name 'Same': also declared by fx.F#two."
                + " Function names must be unique; rename one with @FlexFun(name = ...).").inFile(source).onLine(5);
        assertThat(compilation).hadErrorContaining("Duplicate FlexFunction name 'Same': also declared by fx.F#one.")
                .inFile(source).onLine(7);
    }

    @Test
    void duplicateFunctionNameAcrossFiles() {
        JavaFileObject first = fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  public static R sales() { return null; }");
        JavaFileObject second = source("fx.G", "package fx;", "import dev.flexfun.annotations.FlexFun;",
                "public class G {", "  @FlexFun(name = \"sales\")", "  public static F.R other() { return null; }", "}");
        Compilation compilation = Fixtures.compile(first, second);
        assertThat(compilation).hadErrorContaining("also declared by fx.G#other").inFile(first).onLine(5);
        assertThat(compilation).hadErrorContaining("also declared by fx.F#sales").inFile(second).onLine(5);
    }

    @Test
    void duplicateColumnNameAfterRenamePointsAtBoth() {
        JavaFileObject source = fixture(
                "  public record R(int region,",
                "      @Column(name = \"region\") String area) {}",
                "  @FlexFun",
                "  public static R f() { return null; }");
        Compilation compilation = Fixtures.compile(source);
        String message = "Duplicate column name 'region' in R: components 'region' and 'area' both map to it."
                + " Rename one with @Column(name = ...).";
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(3);
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(4);
    }

    @Test
    void blankName() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun(name = \"  \")",
                "  public static R f() { return null; }"),
                4, "@FlexFun(name) must not be blank; give the name clients call the function by, or leave it out to"
                        + " use the method name.");
    }

    @Test
    void metadataThatIsNotAnObject() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun(metadata = \"[1, 2]\")",
                "  public static R f() { return null; }"),
                4, "@FlexFun(metadata) is not a JSON object: it must be a JSON object (starting with '{'). Write a"
                        + " JSON object literal, e.g. metadata = \"{\\\"tags\\\":[\\\"demo\\\"]}\".");
    }

    @Test
    void metadataThatIsNotJson() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun(metadata = \"{tags: 1}\")",
                "  public static R f() { return null; }"),
                4, "@FlexFun(metadata) is not a JSON object: expected a quoted key at character 2.");
    }

    @Test
    void privateMethod() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  private static R f() { return null; }"),
                5, "@FlexFun method f() must not be private: the generated adapter in the same package calls it."
                        + " Make it package-private or public.");
    }

    @Test
    void inaccessibleClass() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  private static class Hidden {",
                "    @FlexFun",
                "    static R f() { return null; }",
                "  }"),
                6, "@FlexFun method f() is declared in a class the generated adapter cannot reach (Hidden is private)."
                        + " Make the class package-private or public.");
    }

    @Test
    void inaccessibleRecord() {
        assertError(fixture(
                "  private record R(int a) {}",
                "  @FlexFun",
                "  static R f() { return null; }"),
                5, "@FlexFun method f() returns rows of R, which the generated adapter cannot read (R is private).");
    }

    @Test
    void instanceMethodWithoutAccessibleNoArgConstructor() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  private F() {}",
                "  @FlexFun",
                "  public R f() { return null; }"),
                6, "@FlexFun method f() is not static, so every call creates a new F, but F has no accessible no-arg"
                        + " constructor. Add a no-arg constructor that is not private, or make the method static.");
    }

    @Test
    void unsupportedParameterType() {
        assertError(fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  public static R f(CallContext ctx,",
                "      Thread region) { return null; }"),
                6, "Parameter 'region' of @FlexFun method f() has type java.lang.Thread, which a function cannot"
                        + " receive. A @FlexFun method can take, in any order: dev.flexfun.runtime.CallContext,"
                        + " dev.flexfun.runtime.context.ExecutionContext (or Optional<ExecutionContext>), @Param(\"name\")"
                        + " values, @Columns Set<String> and @Headers Map<String, List<String>>.");
    }

    @Test
    void onLoadWithWrongSignature() {
        assertError(fixture(
                "  @OnLoad",
                "  public void init(String settings) { }"),
                4, "@OnLoad method init() must be public static void, in a public class, and take no parameters or one"
                        + " dev.flexfun.runtime.ServerContext, but it is not static; it takes (java.lang.String).");
    }

    @Test
    void onLoadReturningAValue() {
        assertError(fixture(
                "  @OnLoad",
                "  public static int init(ServerContext server) { return 0; }"),
                4, "but it returns int.");
    }

    @Test
    void onShutdownWithWrongSignature() {
        assertError(fixture(
                "  @OnShutdown",
                "  static void close(ServerContext server, int code) { }"),
                4, "@OnShutdown method close() must be public static void, in a public class, and take no parameters"
                        + " or one dev.flexfun.runtime.ServerContext, but it is not public; it takes"
                        + " (dev.flexfun.runtime.ServerContext, int).");
    }

    @Test
    void onShutdownReturningAValue() {
        assertError(fixture(
                "  @OnShutdown",
                "  public static boolean close() { return true; }"),
                4, "@OnShutdown method close() must be public static void, in a public class, and take no parameters"
                        + " or one dev.flexfun.runtime.ServerContext, but it returns boolean.");
    }

    @Test
    void onShutdownInANonPublicClass() {
        assertError(source("fx.G", "package fx; " + IMPORTS, "class G {",
                "  @OnShutdown public static void close() { }", "}"),
                3, "@OnShutdown method close() must be public static void, in a public class, and take no parameters"
                        + " or one dev.flexfun.runtime.ServerContext, but");
    }

    @Test
    void flexFunClassThatDoesNotImplementFlexFunction() {
        assertError(source("fx.H", "package fx;", "import dev.flexfun.annotations.FlexFun;",
                "@FlexFun", "public class H {", "}"),
                4, "@FlexFun class H does not implement dev.flexfun.runtime.FlexFunction. Implement it (name, schema,"
                        + " call) to register the class as it is, or put @FlexFun on a method that returns records"
                        + " instead.");
    }

    @Test
    void flexFunClassWithoutPublicConstructor() {
        assertError(source("fx.H", "package fx;", "import dev.flexfun.annotations.FlexFun;",
                "import dev.flexfun.runtime.*;", "@FlexFun", "public abstract class H implements FlexFunction {", "}"),
                5, "@FlexFun class H must be a public, non-abstract (and, if nested, static) class with a public no-arg"
                        + " constructor: the generated registry creates it with new H().");
    }

    @Test
    void flexFunClassWithMetadataInTheAnnotation() {
        assertError(source("fx.H", "package fx;", "import dev.flexfun.annotations.FlexFun;",
                "import dev.flexfun.runtime.*;", "@FlexFun(metadata = \"{}\")",
                "public abstract class H implements FlexFunction {", "}"),
                4, "@FlexFun class H sets description or metadata in @FlexFun, but a hand-written FlexFunction gives"
                        + " them itself: override description() and metadataJson() instead");
    }

    @Test
    void recordWithoutComponents() {
        assertError(fixture(
                "  public record R() {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                5, "@FlexFun method f() returns rows of R, which has no components; a function needs at least one"
                        + " column.");
    }

    @Test
    void nullablePrimitive() {
        assertError(fixture(
                "  public record R(",
                "      @Column(nullable = Column.Nullability.NULLABLE) int a) {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                4, "Component 'a' of R is a primitive int, which is never null, so it cannot be nullable. Use the"
                        + " boxed type to allow nulls.");
    }

    @Test
    void timeZoneOnLocalDateTime() {
        assertError(fixture(
                "  public record R(",
                "      @Column(timeZone = \"UTC\") LocalDateTime at) {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                4, "Component 'at' of R: @Column(timeZone) applies only to Instant, OffsetDateTime and ZonedDateTime"
                        + " (a LocalDateTime has no zone); remove it.");
    }

    @Test
    void unknownTimeZone() {
        assertError(fixture(
                "  public record R(",
                "      @Column(timeZone = \"Mars/Olympus\") Instant at) {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                4, "Component 'at' of R: @Column(timeZone = \"Mars/Olympus\") is not a time zone id;");
    }

    @Test
    void unitOnANonTimeColumn() {
        assertError(fixture(
                "  public record R(",
                "      @Column(unit = Column.TimeUnit.SECOND) String s) {}",
                "  @FlexFun",
                "  public static R f() { return null; }"),
                4, "Component 's' of R: @Column(unit) applies only to LocalTime and timestamp types; remove it.");
    }

    @Test
    void unresolvedTypesAreLeftToJavac() {
        JavaFileObject source = fixture(
                "  public record R(Missing a) {}",
                "  @FlexFun",
                "  public static R f() { return null; }");
        Compilation compilation = Fixtures.compile(source);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLine(3);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void badRegistryNameOption() {
        JavaFileObject source = fixture(
                "  public record R(int a) {}",
                "  @FlexFun",
                "  public static R f() { return null; }");
        Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(new FlexFunProcessor())
                .withOptions("-Aflexfun.registryName=not a name").compile(source);
        assertThat(compilation).hadErrorContaining("-Aflexfun.registryName=not a name is not a qualified Java class"
                + " name; give one like com.acme.sales.SalesRegistry.");
    }
}
