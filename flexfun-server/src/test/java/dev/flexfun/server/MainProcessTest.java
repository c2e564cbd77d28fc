package dev.flexfun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server as its own process, as run-server.sh starts it (config/jvm.options, the shipped logging
 * set-up): from start to a SIGTERM, every line it writes is one JSON object. Start-up runs several
 * threads at once (the warm-up beside logging's set-up, the on-load hooks beside the open port); a
 * library message that is not JSON breaks log collectors.
 */
@Timeout(120)
class MainProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fromStartToSigtermEveryLineIsJsonAndTheExitIsClean() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "@" + Path.of("..", "config", "jvm.options"),
                // The shipped configuration, not the tests' logback-test.xml on this class path.
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).redirectErrorStream(true);
        builder.environment().put("GOODDATA_FLIGHT_SERVER__LISTEN_PORT", "0");
        Process process = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.contains("Ready: on-load hooks done")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "server-output");
        reader.start();
        try {
            assertTrue(ready.await(90, TimeUnit.SECONDS), () -> "the server did not get ready: " + lines);
            // SIGTERM. Not Process.destroy(): it also closes the process's output, whose last lines are the point.
            assertTrue(process.toHandle().destroy(), "SIGTERM not sent");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            reader.join(10_000);
            assertEquals(0, process.exitValue(), () -> "exit value; output: " + lines);
        } finally {
            process.destroyForcibly();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("FlexFun server stopped")), () -> "no stop line: " + lines);
        for (String line : lines) {
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (IOException notJson) {
                fail("not a JSON line: " + line + "\nall output: " + String.join("\n", lines));
                return;
            }
            assertTrue(entry.isObject() && entry.has("level") && entry.has("event"), "not a log entry: " + line);
        }
    }
}
