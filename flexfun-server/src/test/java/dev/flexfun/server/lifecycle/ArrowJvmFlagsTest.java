package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.server.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A JVM without Arrow's flags is refused at start, with one message naming the flags and where they go. */
@Timeout(90)
class ArrowJvmFlagsTest {
    private static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    @Test
    void java17NeedsOnlyJavaNioOpened() {
        assertEquals(List.of(), ArrowJvmFlags.missing(true, "ALL-UNNAMED", 17, null));
        assertEquals(List.of(ADD_OPENS), ArrowJvmFlags.missing(false, "ALL-UNNAMED", 17, null));
    }

    @Test
    void java24AndLaterAlsoNeedUnsafeMemoryAccessAllowed() {
        assertEquals(List.of(), ArrowJvmFlags.missing(true, "ALL-UNNAMED", 25, "allow"));
        assertEquals(List.of("-Dsun.misc.unsafe.memory.access=allow"),
                ArrowJvmFlags.missing(true, "ALL-UNNAMED", 24, "warn"));
        assertEquals(List.of(ADD_OPENS, "-Dsun.misc.unsafe.memory.access=allow"),
                ArrowJvmFlags.missing(false, "ALL-UNNAMED", 25, null));
    }

    @Test
    void onTheModulePathJavaNioMustBeOpenedToArrowsModule() {
        assertEquals(List.of("--add-opens=java.base/java.nio=org.apache.arrow.memory.core"),
                ArrowJvmFlags.missing(false, "org.apache.arrow.memory.core", 17, null));
    }

    @Test
    void theMessageSaysWhereTheFlagsGo() {
        String message = ArrowJvmFlags.message(List.of(ADD_OPENS));
        assertTrue(message.contains("without the flag Apache Arrow needs: " + ADD_OPENS + "."), message);
        assertTrue(message.contains("maven-surefire-plugin's <argLine>"), message);
        assertTrue(message.contains("config/jvm.options"), message);
        assertTrue(message.contains("JAVA_TOOL_OPTIONS=\"" + ADD_OPENS + "\""), message);
    }

    /** Surefire runs this JVM with the build's flags (the same as config/jvm.options), on 17 or 25. */
    @Test
    void theBuildsFlagsSatisfyTheCheckOnThisJava() {
        assertDoesNotThrow(ArrowJvmFlags::require);
    }

    @Test
    void theServerStartedWithoutFlagsStopsAtOnceWithOneMessage() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("JAVA_TOOL_OPTIONS"); // the point is a JVM without the flags
        env.remove("JDK_JAVA_OPTIONS");
        env.put("GOODDATA_FLIGHT_SERVER__LISTEN_PORT", "0"); // should the check ever pass: no fixed port taken
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop by itself");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.exitValue(), output);
            assertTrue(output.contains("The server could not start: This JVM was started without the flag"), output);
            assertTrue(output.contains(ADD_OPENS), output);
            assertEquals(Runtime.version().feature() >= 24, output.contains("-Dsun.misc.unsafe.memory.access=allow"),
                    output);
            assertFalse(output.contains("\tat ") || output.contains("\\tat "), "no stack trace: " + output);
        } finally {
            process.destroyForcibly();
        }
    }
}
