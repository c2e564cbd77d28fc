package dev.flexfun.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gradle's incremental annotation processing: the processor declares itself aggregating, and every
 * file it generates names the elements it came from (Gradle maps them to source files to know what to
 * regenerate). There is no Gradle here, so the declaration is read as Gradle reads it and the
 * originating elements are recorded by a {@link Filer} that wraps javac's.
 */
@Timeout(60)
class IncrementalProcessingTest {
    private static final String GRADLE_DECLARATION = "META-INF/gradle/incremental.annotation.processors";

    @Test
    void theProcessorIsDeclaredAggregatingToGradle() throws IOException {
        List<String> declarations = nonCommentLines(GRADLE_DECLARATION);
        assertEquals(List.of(FlexFunProcessor.class.getName() + ",aggregating"), declarations);
        // Gradle turns incremental processing off when any processor on the path is undeclared.
        for (String processor : nonCommentLines("META-INF/services/" + Processor.class.getName())) {
            assertTrue(declarations.stream().anyMatch(d -> d.startsWith(processor + ",")),
                    processor + " is a registered processor but not declared in " + GRADLE_DECLARATION);
        }
    }

    @Test
    void everyGeneratedFileNamesItsOriginatingElements() {
        RecordingProcessor recording = new RecordingProcessor(new FlexFunProcessor());
        Compilation compilation = Compiler.javac().withProcessors(recording).compile(
                Fixtures.source("com.acme.sales.Row", "package com.acme.sales;", "public record Row(String region) {}"),
                Fixtures.source("com.acme.sales.Sales",
                        "package com.acme.sales;",
                        "import dev.flexfun.annotations.FlexFun;",
                        "public final class Sales {",
                        "    @FlexFun public static java.util.List<Row> sales() { return java.util.List.of(); }",
                        "}"),
                Fixtures.source("com.acme.hr.Setup",
                        "package com.acme.hr;",
                        "import dev.flexfun.annotations.OnLoad;",
                        "import dev.flexfun.annotations.OnShutdown;",
                        "public final class Setup {",
                        "    @OnLoad public static void init() {}",
                        "    @OnShutdown public static void stop() {}",
                        "}"),
                Fixtures.source("com.acme.hr.Raw",
                        "package com.acme.hr;",
                        "import dev.flexfun.annotations.FlexFun;",
                        "import dev.flexfun.runtime.*;",
                        "@FlexFun",
                        "public class Raw implements FlexFunction {",
                        "    @Override public String name() { return \"Raw\"; }",
                        "    @Override public org.apache.arrow.vector.types.pojo.Schema schema() {",
                        "        return new org.apache.arrow.vector.types.pojo.Schema(java.util.List.of()); }",
                        "    @Override public FlexResult call(CallContext context) { return null; }",
                        "}"));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> compilation.diagnostics().toString());

        Set<String> registryElements = Set.of("com.acme.sales.Sales#sales()", "com.acme.hr.Setup#init()",
                "com.acme.hr.Setup#stop()", "com.acme.hr.Raw");
        assertEquals(Map.of(
                "com.acme.sales.Sales_salesAdapter", Set.of("com.acme.sales.Sales", "com.acme.sales.Row"),
                "com.acme.FlexFunRegistry", registryElements,
                "META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry", registryElements),
                recording.originatingElements());
    }

    private static List<String> nonCommentLines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        Enumeration<URL> urls = FlexFunProcessor.class.getClassLoader().getResources(resource);
        for (URL url : Collections.list(urls)) {
            try (InputStream in = url.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.trim();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        lines.add(trimmed);
                    }
                }
            }
        }
        return lines;
    }

    /** Runs a processor with a Filer that records, per generated file, the originating elements given. */
    private static final class RecordingProcessor extends AbstractProcessor {
        private final Processor delegate;
        private final Map<String, Set<String>> originating = new TreeMap<>();

        RecordingProcessor(Processor delegate) {
            this.delegate = delegate;
        }

        Map<String, Set<String>> originatingElements() {
            return originating;
        }

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            delegate.init(new RecordingEnvironment(env, new RecordingFiler(env.getFiler())));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        private void record(String file, Element... elements) {
            Set<String> names = new TreeSet<>();
            for (Element element : elements) {
                names.add(element instanceof TypeElement type ? type.getQualifiedName().toString()
                        : ((TypeElement) element.getEnclosingElement()).getQualifiedName() + "#" + element);
            }
            originating.put(file, names);
        }

        private final class RecordingFiler implements Filer {
            private final Filer filer;

            RecordingFiler(Filer filer) {
                this.filer = filer;
            }

            @Override
            public JavaFileObject createSourceFile(CharSequence name, Element... elements) throws IOException {
                record(name.toString(), elements);
                return filer.createSourceFile(name, elements);
            }

            @Override
            public JavaFileObject createClassFile(CharSequence name, Element... elements) throws IOException {
                record(name.toString(), elements);
                return filer.createClassFile(name, elements);
            }

            @Override
            public FileObject createResource(JavaFileManager.Location location, CharSequence pkg,
                    CharSequence relativeName, Element... elements) throws IOException {
                record((pkg.length() == 0 ? "" : pkg + "/") + relativeName, elements);
                return filer.createResource(location, pkg, relativeName, elements);
            }

            @Override
            public FileObject getResource(JavaFileManager.Location location, CharSequence pkg,
                    CharSequence relativeName) throws IOException {
                return filer.getResource(location, pkg, relativeName);
            }
        }
    }

    /** javac's environment with another Filer. */
    private record RecordingEnvironment(ProcessingEnvironment env, Filer filer) implements ProcessingEnvironment {
        @Override
        public Map<String, String> getOptions() {
            return env.getOptions();
        }

        @Override
        public Messager getMessager() {
            return env.getMessager();
        }

        @Override
        public Filer getFiler() {
            return filer;
        }

        @Override
        public Elements getElementUtils() {
            return env.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return env.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return env.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return env.getLocale();
        }
    }
}
