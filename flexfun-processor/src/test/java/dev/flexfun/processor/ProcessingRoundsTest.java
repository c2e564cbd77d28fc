package dev.flexfun.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Functions whose types another annotation processor generates in a later round are compiled and
 * registered; a type nobody generates, and a registry that cannot be written, are compile errors on
 * the right element, never a silent drop or a javac crash.
 */
class ProcessingRoundsTest {
    /** Uses a record and an enum that {@link GeneratingProcessor} writes in round 1. */
    private static final JavaFileObject USES_GENERATED = Fixtures.source("com.acme.sales.Sales",
            "package com.acme.sales;",
            "",
            "import dev.flexfun.annotations.FlexFun;",
            "import com.acme.gen.GeneratedRow;",
            "import com.acme.gen.Region;",
            "import java.util.List;",
            "",
            "public final class Sales {",
            "    public record Row(Region region, long units) {}",
            "",
            "    @FlexFun(name = \"ByRegion\")",
            "    public static List<Row> byRegion() { return List.of(new Row(Region.EMEA, 3)); }",
            "",
            "    @FlexFun(name = \"Generated\")",
            "    public static List<GeneratedRow> generated() { return List.of(new GeneratedRow(\"x\", 1)); }",
            "}");

    @Test
    void functionsUsingTypesGeneratedInALaterRoundAreRegistered() throws Exception {
        Compilation compilation = Compiler.javac().withProcessors(new GeneratingProcessor(), new FlexFunProcessor())
                .compile(USES_GENERATED);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry");
        FlexFunctionRegistry registry = Fixtures.instance(new Fixtures.CompiledClassLoader(compilation),
                "com.acme.sales.FlexFunRegistry", FlexFunctionRegistry.class);
        List<FlexFunction> functions = registry.functions();
        assertEquals(List.of("ByRegion", "Generated"), functions.stream().map(FlexFunction::name).toList());
        assertEquals("region", functions.get(0).schema().getFields().get(0).getName());
        assertEquals(List.of("name", "count"),
                functions.get(1).schema().getFields().stream().map(f -> f.getName()).toList());
    }

    @Test
    void aTypeNobodyGeneratesIsAnErrorOnTheFunction() {
        Compilation compilation = Fixtures.compile(USES_GENERATED); // no GeneratingProcessor
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Type 'GeneratedRow' used here does not exist")
                .inFile(USES_GENERATED).onLine(15);
        assertThat(compilation).hadErrorContaining("Type 'Region' used here does not exist")
                .inFile(USES_GENERATED).onLine(12);
    }

    @Test
    void aRegistryNameTakenByAnExistingClassIsAnErrorNotACrash() {
        JavaFileObject existing = Fixtures.source("fx.F", "package fx;", "public class F {}");
        JavaFileObject function = Fixtures.source("fx.Fn",
                "package fx;",
                "import dev.flexfun.annotations.FlexFun;",
                "import java.util.List;",
                "public final class Fn {",
                "    public record Row(String a) {}",
                "    @FlexFun public static List<Row> rows() { return List.of(); }",
                "}");
        Compilation compilation = Compiler.javac().withProcessors(new FlexFunProcessor())
                .withOptions("-Aflexfun.registryName=fx.F").compile(existing, function);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Cannot write the FlexFun registry fx.F: a class of that name"
                + " already exists");
    }

    @Test
    void aRegistryNameTakenByAGeneratedClassIsAnErrorNotACrash() {
        // Another processor writes com.acme.gen.Region in round 1: the registry cannot take that name.
        Compilation compilation = Compiler.javac().withProcessors(new GeneratingProcessor(), new FlexFunProcessor())
                .withOptions("-Aflexfun.registryName=com.acme.gen.Region").compile(USES_GENERATED);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.acme.gen.Region");
    }

    /** Another annotation processor: writes an enum and a record in its first round, nothing after. */
    static final class GeneratingProcessor extends AbstractProcessor {
        private boolean generated;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!generated) {
                generated = true;
                write("com.acme.gen.Region", "package com.acme.gen; public enum Region { EMEA, APAC }");
                write("com.acme.gen.GeneratedRow",
                        "package com.acme.gen; public record GeneratedRow(String name, long count) {}");
            }
            return false;
        }

        private void write(String name, String source) {
            try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
