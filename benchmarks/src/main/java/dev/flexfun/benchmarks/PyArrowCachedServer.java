package dev.flexfun.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cached-data baseline in its own process: {@code cached_server.py}, a pyarrow Flight server that
 * keeps the sample rows in memory and sends them as they are, as the Python reference server does with
 * a table its function keeps. Read by the same pyarrow client, in the same rounds, as our functions.
 */
final class PyArrowCachedServer implements AutoCloseable {
    private static final Path SCRIPT = Path.of("benchmarks/src/main/python/cached_server.py");

    private final Process process;
    private final String location;

    private PyArrowCachedServer(Process process, String location) {
        this.process = process;
        this.location = location;
    }

    /** Starts it on a free port and waits until it listens. */
    static PyArrowCachedServer start(Path log) throws Exception {
        int port = ServerProcess.freePort();
        Process process = new ProcessBuilder(RowReaders.PYTHON.toString(), SCRIPT.toString(), Integer.toString(port))
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line = ready.get(60, TimeUnit.SECONDS);
        if (!"ready".equals(line)) {
            process.destroyForcibly();
            throw new IOException("cached_server.py did not start (see " + log + ")");
        }
        return new PyArrowCachedServer(process, "grpc://" + ServerProcess.HOST + ":" + port);
    }

    /** How the pyarrow reader names {@code function} on this server: {@code function@location}. */
    String function(String function) {
        return function + "@" + location;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
