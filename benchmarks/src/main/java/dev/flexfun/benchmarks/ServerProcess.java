package dev.flexfun.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A FlexFun server ({@code dev.flexfun.server.Main}) in its own JVM on a free loopback port,
 * started with the Arrow flags of {@code config/jvm.options}. The benchmarks run from the repository root.
 */
final class ServerProcess implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final String MAIN = "dev.flexfun.server.Main";

    private final Process process;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, long startedNanos, int port, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code java @config/jvm.options <jvmFlags> -cp <classPath> Main <args>} with the listen
     * port (and any other settings) given as {@code GOODDATA_FLIGHT_*} environment variables.
     */
    static ServerProcess start(List<String> jvmFlags, String classPath, List<String> args, Map<String, String> settings,
            Path log) throws IOException {
        return start(MAIN, jvmFlags, classPath, args, settings, log);
    }

    /** As {@link #start(List, String, List, Map, Path)}, running {@code mainClass} instead of the server's Main. */
    static ServerProcess start(String mainClass, List<String> jvmFlags, String classPath, List<String> args,
            Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("@config/jvm.options");
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        return start(command, settings, log);
    }

    /**
     * Runs {@code command} (a java command line, or a script that execs one, such as run-server.sh)
     * with the listen port on a free loopback port and {@code settings} as environment variables.
     */
    static ServerProcess start(List<String> command, Map<String, String> settings, Path log) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GOODDATA_FLIGHT_SERVER__LISTEN_HOST", HOST);
        builder.environment().put("GOODDATA_FLIGHT_SERVER__LISTEN_PORT", Integer.toString(port));
        builder.environment().putAll(settings);
        long started = System.nanoTime();
        Process process = builder.start();
        // A benchmark stopped with Ctrl-C must not leave its servers running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new ServerProcess(process, started, port, log);
    }

    /**
     * The server with the functions on this JVM's class path (the benchmark jar), Prometheus metrics
     * on {@code metricsPort} (for the peak Arrow memory) and {@code settings} on top.
     */
    static ServerProcess startMeasured(int metricsPort, Map<String, String> settings, Path log) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", HOST);
        all.put("GOODDATA_FLIGHT_SERVER__METRICS_HOST", HOST);
        all.put("GOODDATA_FLIGHT_SERVER__METRICS_PORT", Integer.toString(metricsPort));
        return start(List.of(), System.getProperty("java.class.path"), List.of(), all, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    Location location() {
        return Location.forGrpcInsecure(HOST, port);
    }

    /**
     * Waits until the server answers ListFlights; returns the time from the process start to that
     * answer and the number of functions listed. The port is probed with plain TCP first: a gRPC
     * channel that failed to connect backs off for up to seconds, which would be measured too.
     */
    Ready awaitListFlights(BufferAllocator allocator, Duration timeout) throws Exception {
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + "; see " + log);
            }
            if (accepts()) {
                try (FlightClient client = FlightClient.builder(allocator, location()).build()) {
                    int functions = 0;
                    for (var ignored : client.listFlights(org.apache.arrow.flight.Criteria.ALL)) {
                        functions++;
                    }
                    return new Ready(Duration.ofNanos(System.nanoTime() - startedNanos), functions);
                } catch (org.apache.arrow.flight.FlightRuntimeException notYet) {
                    // Listening but not serving yet: try again.
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("The server did not answer ListFlights within " + timeout + "; see " + log);
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    /** SIGTERM (the server stops cleanly) and waits for the exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** When the process was started ({@link System#nanoTime()}). */
    long startedNanos() {
        return startedNanos;
    }

    /** The process id (of the JVM, for a script that execs it). */
    long pid() {
        return process.pid();
    }

    int exitValue() {
        return process.exitValue();
    }

    record Ready(Duration elapsed, int functions) {
    }
}
