package dev.flexfun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user's test JVM without Arrow's flags (no surefire argLine): the kit stops at start() with the
 * message naming the flag and surefire's argLine, before any Arrow allocator could fail obscurely.
 */
@Timeout(90)
class MissingJvmFlagsTest {

    @Test
    void theKitStartedWithoutFlagsNamesTheFlagAndArgLine() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StartKitWithoutFlags.class.getName()).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // the point is a JVM without the flags
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the kit did not stop by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.exitValue(), output);
            assertTrue(output.contains("MissingJvmFlagsException: This JVM was started without the flag"), output);
            assertTrue(output.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), output);
            assertTrue(output.contains("maven-surefire-plugin's <argLine>"), output);
            // Arrow was not touched first: none of its own, obscure failures.
            assertFalse(output.contains("ExceptionInInitializerError") || output.contains("DirectByteBuffer"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
