package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.processor.FlexFunProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The READMEs' Java snippets compile as shown: every ```java block of a README is a source file
 * (imports included), and a README's blocks are compiled together, with the FlexFun processor, against
 * the annotations, the runtime and the test kit. An error is reported on the README's own line.
 */
@Timeout(120)
class ReadmeSnippetsTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)", Pattern.MULTILINE);

    @Test
    void theMainReadmesSnippetsCompileWithTheProcessor(@TempDir Path classes) throws IOException {
        List<Snippet> snippets = snippets(REPOSITORY.resolve("README.md"));
        assertTrue(snippets.size() >= 6, "expected the README's functions and tests, found " + snippets.size());
        assertEquals(List.of(), compile(snippets, classes));
        // The processor ran on the snippets' functions: the README's own registry exists.
        assertTrue(Files.exists(classes.resolve("com/acme/sales/FlexFunRegistry.class")),
                "the processor generated no registry for the README's functions");
    }

    @Test
    void theModuleReadmesSnippetsCompile(@TempDir Path classes) throws IOException {
        List<Path> readmes;
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            readmes = modules.map(m -> m.resolve("README.md")).filter(Files::exists).sorted().toList();
        }
        assertTrue(readmes.size() >= 8, "a README per module, found " + readmes);
        List<String> errors = new ArrayList<>();
        for (Path readme : readmes) {
            List<Snippet> snippets = snippets(readme);
            if (!snippets.isEmpty()) {
                errors.addAll(compile(snippets, Files.createDirectories(classes.resolve(readme.getParent()
                        .getFileName().toString()))));
            }
        }
        assertEquals(List.of(), errors);
    }

    /** A ```java block: its README, the README line of its first line, its text, and the file it would be. */
    private record Snippet(Path readme, int firstLine, String code) {
        String fileName() {
            Matcher pkg = PACKAGE.matcher(code);
            Matcher type = TOP_LEVEL_TYPE.matcher(code);
            if (!type.find()) {
                throw new AssertionError(readme + ":" + firstLine + ": a ```java block must be a whole source file "
                        + "(a top-level class, record, interface or enum, with its imports)");
            }
            return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1) + ".java";
        }
    }

    private static List<Snippet> snippets(Path readme) throws IOException {
        String text = Files.readString(readme);
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            int line = (int) text.substring(0, block.start(1)).chars().filter(c -> c == '\n').count() + 1;
            snippets.add(new Snippet(readme, line, block.group(1)));
        }
        return snippets;
    }

    /** Compiles the snippets together; the errors as {@code README.md:line: message}. */
    private static List<String> compile(List<Snippet> snippets, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<SnippetSource> sources = snippets.stream().map(SnippetSource::new).toList();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, List.of("--release", "17",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null, sources);
            task.setProcessors(List.of(new FlexFunProcessor()));
            task.call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String where = d.getSource() instanceof SnippetSource s
                        ? REPOSITORY.relativize(s.snippet.readme()) + ":" + (s.snippet.firstLine() + d.getLineNumber() - 1)
                        : String.valueOf(d.getSource());
                errors.add(where + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static final class SnippetSource extends SimpleJavaFileObject {
        final Snippet snippet;

        SnippetSource(Snippet snippet) {
            super(URI.create("string:///" + snippet.fileName()), Kind.SOURCE);
            this.snippet = snippet;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return snippet.code();
        }
    }
}
