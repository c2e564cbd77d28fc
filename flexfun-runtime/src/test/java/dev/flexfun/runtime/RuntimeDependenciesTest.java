package dev.flexfun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated code depends on {@code dev.flexfun.runtime}, so the runtime may use only the JDK, Arrow
 * vectors (and their memory) and Jackson: never Flight, gRPC or the server's packages. Checked on
 * the sources, by the imports and by fully qualified names in the code.
 */
class RuntimeDependenciesTest {
    private static final Path RUNTIME_SOURCES = Path.of("src/main/java/dev/flexfun/runtime");
    private static final List<String> ALLOWED = List.of("java.", "com.fasterxml.jackson.", "org.apache.arrow.vector.",
            "org.apache.arrow.memory.", "dev.flexfun.runtime.");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern FORBIDDEN_NAME = Pattern.compile("\\b(org\\.apache\\.arrow\\.flight|io\\.grpc|"
            + "dev\\.flexfun\\.server)\\b");

    @Test
    void runtimeUsesOnlyTheJdkArrowVectorsAndJackson() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(RUNTIME_SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            violations.addAll(violationsIn(source.toString(), Files.readString(source)));
        }
        assertTrue(sources.size() > 20, "expected the runtime's sources under " + RUNTIME_SOURCES.toAbsolutePath()
                + ", found " + sources.size() + " files");
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckSeesForbiddenImportsAndQualifiedNames() {
        String source = """
                package dev.flexfun.runtime;
                import java.util.List;
                import org.apache.arrow.vector.FieldVector;
                import io.grpc.Context;
                import static dev.flexfun.server.protocol.Json.MAPPER;
                class X { org.apache.arrow.flight.Ticket ticket; }
                """;
        assertEquals(List.of("X.java imports io.grpc.Context", "X.java imports dev.flexfun.server.protocol.Json.MAPPER",
                "X.java names org.apache.arrow.flight"), violationsIn("X.java", source));
    }

    private static List<String> violationsIn(String file, String source) {
        List<String> violations = new ArrayList<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String name = imports.group(1);
            if (ALLOWED.stream().noneMatch(name::startsWith)) {
                violations.add(file + " imports " + name);
            }
        }
        Matcher names = FORBIDDEN_NAME.matcher(IMPORT.matcher(source).replaceAll(""));
        while (names.find()) {
            violations.add(file + " names " + names.group(1));
        }
        return violations;
    }
}
