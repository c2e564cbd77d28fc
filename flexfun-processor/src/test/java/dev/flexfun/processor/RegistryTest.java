package dev.flexfun.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.HealthMonitor;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.OnShutdownHook;
import dev.flexfun.runtime.ServerContext;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated registry: functions, hand-written classes, hooks, its name and its service file. */
class RegistryTest {
    private static final JavaFileObject FUNCTIONS = JavaFileObjects.forSourceString("com.acme.sales.Sales", """
            package com.acme.sales;

            import dev.flexfun.annotations.FlexFun;
            import dev.flexfun.annotations.OnLoad;
            import dev.flexfun.annotations.OnShutdown;
            import dev.flexfun.runtime.ServerContext;
            import java.util.List;

            public final class Sales {
                public record Row(String region) {}
                public static volatile Object seenServer;
                public static volatile int plainCalls;
                public static volatile Object closedWith;
                public static volatile int plainCloses;

                @FlexFun(name = "Sales", description = "Sales by region", metadata = " { \\"tags\\" : [ \\"demo\\" ] } ")
                public static List<Row> sales() { return List.of(new Row("EMEA")); }

                @OnLoad
                public static void init(ServerContext server) { seenServer = server; }

                @OnLoad
                public static void plain() { plainCalls++; }

                @OnShutdown
                public static void close(ServerContext server) { closedWith = server; }

                @OnShutdown
                public static void closePlain() { plainCloses++; }
            }
            """);
    private static final JavaFileObject HAND_WRITTEN = JavaFileObjects.forSourceString("com.acme.raw.Raw", """
            package com.acme.raw;

            import dev.flexfun.annotations.FlexFun;
            import dev.flexfun.runtime.*;
            import org.apache.arrow.vector.types.pojo.Schema;

            @FlexFun
            public class Raw implements FlexFunction {
                @Override public String name() { return "Raw"; }
                @Override public Schema schema() { return new Schema(java.util.List.of()); }
                @Override public FlexResult call(CallContext context) { throw new UnsupportedOperationException(); }
            }
            """);

    @Test
    void registryListsFunctionsAndHooksInTheCommonPackage() throws Exception {
        Compilation compilation = Fixtures.compile(FUNCTIONS, HAND_WRITTEN);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("com.acme.FlexFunRegistry\n", serviceFile(compilation));

        ClassLoader loader = new Fixtures.CompiledClassLoader(compilation);
        FlexFunctionRegistry registry = Fixtures.instance(loader, "com.acme.FlexFunRegistry",
                FlexFunctionRegistry.class);
        List<FlexFunction> functions = registry.functions();
        assertEquals(List.of("Sales", "Raw"), functions.stream().map(FlexFunction::name).toList());
        assertEquals("Sales by region", functions.get(0).description());
        assertEquals("{\"tags\":[\"demo\"]}", functions.get(0).metadataJson(), "metadata is compacted");
        assertEquals("com.acme.raw.Raw", functions.get(1).getClass().getName(), "hand-written class as it is");

        List<OnLoadHook> hooks = registry.onLoadHooks();
        assertEquals(List.of("com.acme.sales.Sales#init", "com.acme.sales.Sales#plain"),
                hooks.stream().map(OnLoadHook::source).toList());
        ServerContext server = new ServerContext() {
            @Override
            public JsonNode settings() {
                return JsonNodeFactory.instance.objectNode();
            }

            @Override
            public HealthMonitor health() {
                return null;
            }
        };
        Class<?> sales = loader.loadClass("com.acme.sales.Sales");
        for (OnLoadHook hook : hooks) {
            hook.run(server);
        }
        assertSame(server, sales.getField("seenServer").get(null));
        assertEquals(1, sales.getField("plainCalls").getInt(null));
        assertEquals(null, sales.getField("closedWith").get(null), "on-load hooks do not run shutdown hooks");

        List<OnShutdownHook> shutdownHooks = registry.onShutdownHooks();
        assertEquals(List.of("com.acme.sales.Sales#close", "com.acme.sales.Sales#closePlain"),
                shutdownHooks.stream().map(OnShutdownHook::source).toList());
        for (OnShutdownHook hook : shutdownHooks) {
            hook.run(server);
        }
        assertSame(server, sales.getField("closedWith").get(null));
        assertEquals(1, sales.getField("plainCloses").getInt(null));
    }

    @Test
    void registryWithoutHooksUsesTheDefaults() throws Exception {
        Compilation compilation = Fixtures.compile(HAND_WRITTEN);
        assertThat(compilation).succeededWithoutWarnings();
        FlexFunctionRegistry registry = Fixtures.instance(new Fixtures.CompiledClassLoader(compilation),
                "com.acme.raw.FlexFunRegistry", FlexFunctionRegistry.class);
        assertEquals(List.of(), registry.onLoadHooks());
        assertEquals(List.of(), registry.onShutdownHooks());
    }

    @Test
    void registryNameFromTheOption() throws Exception {
        Compilation compilation = Compiler.javac().withProcessors(new FlexFunProcessor())
                .withOptions("-Aflexfun.registryName=com.acme.sales.SalesRegistry").compile(FUNCTIONS);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("com.acme.sales.SalesRegistry\n", serviceFile(compilation));
        FlexFunctionRegistry registry = Fixtures.instance(new Fixtures.CompiledClassLoader(compilation),
                "com.acme.sales.SalesRegistry", FlexFunctionRegistry.class);
        assertInstanceOf(FlexFunction.class, registry.functions().get(0));
    }

    @Test
    void generatedSourcesAreDeterministic() {
        Compilation first = Fixtures.compile(FUNCTIONS, HAND_WRITTEN);
        Compilation second = Fixtures.compile(FUNCTIONS, HAND_WRITTEN);
        for (String name : List.of("com.acme.sales.Sales_salesAdapter", "com.acme.FlexFunRegistry")) {
            assertEquals(source(first, name), source(second, name));
        }
    }

    @Test
    void adaptersOfNestedOwnersAndOverloadsGetDistinctNames() {
        Compilation compilation = Fixtures.compile(JavaFileObjects.forSourceString("fx.Outer", """
                package fx;

                import dev.flexfun.annotations.FlexFun;
                import dev.flexfun.runtime.CallContext;

                public class Outer {
                    public record Row(int a) {}

                    public static class Inner {
                        @FlexFun(name = "plain") public static Row rows() { return new Row(1); }
                        @FlexFun(name = "withContext") public static Row rows(CallContext ctx) { return new Row(2); }
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new Fixtures.CompiledClassLoader(compilation);
        assertEquals("plain", Fixtures.instance(loader, "fx.Outer_Inner_rowsAdapter", FlexFunction.class).name());
        assertEquals("withContext",
                Fixtures.instance(loader, "fx.Outer_Inner_rows2Adapter", FlexFunction.class).name());
        FlexFunctionRegistry registry = Fixtures.instance(loader, "fx.FlexFunRegistry", FlexFunctionRegistry.class);
        assertEquals(List.of("plain", "withContext"), registry.functions().stream().map(FlexFunction::name).toList());
    }

    @Test
    void commonPackageIsTheLongestSharedPrefixOfWholeSegments() {
        assertEquals("com.acme", FlexFunProcessor.commonPackage(List.of("com.acme.sales", "com.acme.raw")));
        assertEquals("com.acme.sales", FlexFunProcessor.commonPackage(List.of("com.acme.sales", "com.acme.sales")));
        assertEquals("com", FlexFunProcessor.commonPackage(List.of("com.acme", "com.acmes")));
        assertEquals("", FlexFunProcessor.commonPackage(List.of("com.acme", "org.acme")));
    }

    private static String serviceFile(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry").orElseThrow().getCharContent(true)
                .toString();
    }

    private static String source(Compilation compilation, String className) {
        try {
            return compilation.generatedSourceFile(className).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
