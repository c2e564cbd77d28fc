package dev.flexfun.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Who reads the rows in the throughput benchmarks: a pyarrow client (what GoodData's side is) when
 * {@code benchmarks/.venv} has pyarrow (run.sh makes it), else a Java FlightClient in this JVM.
 */
interface RowReaders {
    Path PYTHON = Path.of("benchmarks/.venv/bin/python");
    Path SCRIPT = Path.of("benchmarks/src/main/python/read_rows.py");

    /** A short name for the table: {@code pyarrow 25.0.1} or {@code Java FlightClient}. */
    String name();

    /**
     * {@code reads} rounds, each reading every function once (alternating who goes first); the
     * result lists each function's reads in order.
     */
    Map<String, List<FlightReads.Read>> read(ServerProcess server, long rows, int reads, List<String> functions)
            throws Exception;

    static RowReaders best(BufferAllocator allocator) throws Exception {
        if (Files.isExecutable(PYTHON)) {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import pyarrow; print(pyarrow.__version__)")
                    .redirectErrorStream(true).start();
            String version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (probe.waitFor() == 0) {
                return new PyArrow(version);
            }
        }
        return new Java(allocator);
    }

    private static Map<String, List<FlightReads.Read>> empty(List<String> functions) {
        Map<String, List<FlightReads.Read>> reads = new LinkedHashMap<>();
        functions.forEach(f -> reads.put(f, new ArrayList<>()));
        return reads;
    }

    record Java(BufferAllocator allocator) implements RowReaders {
        @Override
        public String name() {
            return "Java FlightClient";
        }

        @Override
        public Map<String, List<FlightReads.Read>> read(ServerProcess server, long rows, int reads,
                List<String> functions) throws Exception {
            Map<String, List<FlightReads.Read>> result = empty(functions);
            try (FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
                for (int round = 0; round < reads; round++) {
                    List<String> order = new ArrayList<>(functions);
                    if (round % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    for (String function : order) {
                        FlightDescriptor call = FlightReads.descriptor(function, "{\"rows\":" + rows + "}");
                        result.get(function).add(FlightReads.read(client, call, rows));
                    }
                }
            }
            return result;
        }
    }

    /**
     * @param environment added to the reading process's environment ({@link #withFixedMallocThresholds()})
     */
    record PyArrow(String version, Map<String, String> environment) implements RowReaders {
        private static final ObjectMapper JSON = new ObjectMapper();
        /**
         * glibc's malloc moves its mmap threshold with the sizes it frees and gives the top of its heap
         * back above twice that; a client buffering many 4 MB messages then takes fresh pages for most
         * of them (a page fault each 4 KiB). Fixed thresholds keep its memory: what remains is the
         * transport and the server.
         */
        private static final String FIXED_MALLOC_THRESHOLDS =
                "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456";

        PyArrow(String version) {
            this(version, Map.of());
        }

        /** The same client with glibc's malloc thresholds fixed ({@code GLIBC_TUNABLES}). */
        PyArrow withFixedMallocThresholds() {
            return new PyArrow(version, Map.of("GLIBC_TUNABLES", FIXED_MALLOC_THRESHOLDS));
        }

        @Override
        public String name() {
            return "pyarrow " + version + (environment.isEmpty() ? "" : " (malloc thresholds fixed)");
        }

        @Override
        public Map<String, List<FlightReads.Read>> read(ServerProcess server, long rows, int reads,
                List<String> functions) throws Exception {
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(),
                    server.location().getUri().toString(), Long.toString(rows), Integer.toString(reads)));
            command.addAll(functions);
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(environment);
            Process python = builder.start();
            Map<String, List<FlightReads.Read>> result = empty(functions);
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    JsonNode read = JSON.readTree(line);
                    result.get(read.get("function").asText()).add(new FlightReads.Read(read.get("rows").asLong(),
                            read.get("bytes").asLong(), read.get("seconds").asDouble()));
                }
            }
            if (python.waitFor() != 0) {
                throw new IOException("The pyarrow reader failed (exit " + python.exitValue() + "); see above.");
            }
            return result;
        }
    }
}
