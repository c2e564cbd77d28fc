package dev.flexfun.benchmarks;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.protocol.FlightErrors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.impl.FlightServiceGrpc;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Overload and fault harness: starts the server (this jar's class path) in its own JVM on loopback and
 * runs bounded scenarios against it, printing one line of figures each.
 *
 * <ul>
 *   <li>{@code overload [clients] [seconds]}: clients loop a 1 s function (task_threads 32, call deadline
 *       5 s); successes, TIMEOUT, BACKPRESSURE, other errors, goodput, and the server's peak thread count.
 *   <li>{@code storm [streams]}: streams of 2M rows each abandoned after the first batch; the server's RSS
 *       growth.
 *   <li>{@code giveup[:ms]}: a client gives up a 5 s call after 300 ms; how long after that the function
 *       was interrupted (it logs when), or -1 when it ran to its end.
 *   <li>{@code malformed}: a PATH descriptor with invalid UTF-8; the status the client gets, whether it
 *       carries ErrorInfo, and the server's log lines that are not JSON.
 *   <li>{@code soak[:seconds[:clients]]}: clients make small calls back to back (GetFlightInfo + DoGet
 *       of {@code SmallSample}) for 90 s; the server's live heap (after a full GC, by {@code jcmd}) and
 *       RSS before and after. A server that keeps something of every call grows here.
 * </ul>
 * Run with {@code ./benchmarks/run.sh robustness overload storm giveup malformed soak}.
 */
public final class RobustnessHarness {
    private static final String FUNCTION_CALL = "{\"functionName\":\"%s\",\"parameters\":%s}";

    /** GetFlightInfo with the request and answer as raw bytes, to send what a protobuf builder would refuse. */
    private static final io.grpc.MethodDescriptor<byte[], byte[]> RAW_GET_FLIGHT_INFO =
            io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder().setType(io.grpc.MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(FlightServiceGrpc.SERVICE_NAME,
                            "GetFlightInfo"))
                    .setRequestMarshaller(new RawBytes()).setResponseMarshaller(new RawBytes()).build();

    private static final class RawBytes implements io.grpc.MethodDescriptor.Marshaller<byte[]> {
        @Override
        public java.io.InputStream stream(byte[] value) {
            return new java.io.ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(java.io.InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private RobustnessHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = args.length == 0 ? List.of("overload", "storm", "giveup", "malformed", "soak") : List.of(args);
        for (String scenario : scenarios) {
            String[] parts = scenario.split(":");
            switch (parts[0]) {
                case "overload" -> overload(arg(parts, 1, 256), arg(parts, 2, 20));
                case "storm" -> storm(arg(parts, 1, 200));
                case "giveup" -> giveUp(arg(parts, 1, 300));
                case "malformed" -> malformed();
                case "probe" -> probe();
                case "soak" -> soak(arg(parts, 1, 90), arg(parts, 2, 16));
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
            }
        }
    }

    private static int arg(String[] parts, int index, int fallback) {
        return parts.length > index ? Integer.parseInt(parts[index]) : fallback;
    }

    private static ServerProcess server(Map<String, String> settings, List<String> jvmFlags, Path log) throws Exception {
        Map<String, String> env = new TreeMap<>(settings);
        env.put("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", ServerProcess.HOST);
        List<String> flags = new ArrayList<>(jvmFlags);
        // The server logs as shipped (JSON lines), not with this jar's quiet benchmark logging.
        flags.add("-Dlogback.configurationFile=flexfun-server/src/main/resources/logback.xml");
        String extra = System.getProperty("robust.serverFlags", "").trim(); // e.g. -Dflexfun.log.level=DEBUG
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }
        ServerProcess server = ServerProcess.start(flags, System.getProperty("java.class.path"),
                List.of(), env, log);
        try (BufferAllocator allocator = new RootAllocator()) {
            server.awaitListFlights(allocator, Duration.ofSeconds(60));
        }
        return server;
    }

    private static FlightDescriptor call(String function, String parameters) {
        return FlightDescriptor.command(String.format(FUNCTION_CALL, function, parameters)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The ErrorInfo code name of a failed call, or its gRPC status when it has none. */
    private static String outcome(FlightRuntimeException e) {
        return FlightErrors.errorInfoOf(e).map(info -> {
            for (ErrorCode code : ErrorCode.values()) {
                if (code.code() == info.code()) {
                    return code.name();
                }
            }
            return "code " + info.code();
        }).orElse("no ErrorInfo: " + e.status().code());
    }

    private static void overload(int clients, int seconds) throws Exception {
        Path log = Files.createTempFile("robust-overload", ".log");
        Map<String, String> settings = Map.of("GOODDATA_FLIGHT_SERVER__TASK_THREADS", "32",
                "GOODDATA_FLIGHT_FLEXCONNECT__CALL_DEADLINE_MS", "5000", "GOODDATA_FLIGHT_FLEXFUN__CALL_DEADLINE_MS", "5000");
        try (ServerProcess server = server(settings, List.of(), log);
                BufferAllocator allocator = new RootAllocator()) {
            List<FlightClient> channels = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                channels.add(FlightClient.builder(allocator, server.location()).build());
            }
            Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger peakThreads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                FlightClient client = channels.get(c % channels.size());
                running.add(pool.submit(() -> {
                    while (!stop.get() && System.nanoTime() < end) {
                        String result;
                        try {
                            FlightInfo info = client.getInfo(call("Sleep", "{\"ms\":1000}"),
                                    CallOptions.timeout(15, TimeUnit.SECONDS));
                            try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                                while (stream.next()) {
                                    // read it all
                                }
                            }
                            result = "OK";
                        } catch (FlightRuntimeException e) {
                            result = outcome(e);
                        } catch (Exception e) {
                            result = e.getClass().getSimpleName();
                        }
                        outcomes.computeIfAbsent(result, k -> new LongAdder()).increment();
                        if (!result.equals("OK")) {
                            sleepQuietly(50); // a refused client retries shortly (GoodData would try another replica)
                        }
                    }
                    return null;
                }));
            }
            while (System.nanoTime() < end) {
                peakThreads.accumulateAndGet(threads(server.pid()), Math::max);
                Thread.sleep(250);
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            for (FlightClient client : channels) {
                client.close();
            }
            long ok = outcomes.getOrDefault("OK", new LongAdder()).sum();
            System.out.printf("overload clients=%d seconds=%d outcomes=%s goodput=%.1f/s peak_server_threads=%d%n",
                    clients, seconds, new TreeMap<>(outcomes), ok / (double) seconds, peakThreads.get());
        }
    }

    /** Three sequential calls of the 1 s function, timed: what one call costs without load. */
    private static void probe() throws Exception {
        try (ServerProcess server = server(Map.of(), List.of(), Files.createTempFile("robust-probe", ".log"));
                BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                FlightInfo info = client.getInfo(call("Sleep", "{\"ms\":1000}"));
                long t1 = System.nanoTime();
                try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
                    while (stream.next()) {
                        // read it all
                    }
                }
                long t2 = System.nanoTime();
                System.out.printf("probe getInfo_ms=%d doGet_ms=%d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            }
        }
    }

    private static void storm(int streams) throws Exception {
        Path log = Files.createTempFile("robust-storm", ".log");
        try (ServerProcess server = server(Map.of(), List.of(), log);
                BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
            abandon(client, 10); // warm up: classes, compiled code and pools the server needs anyway
            long before = rssKb(server.pid());
            abandon(client, streams);
            // Let the server finish stopping the streams, and give an idle JVM time to return memory.
            Thread.sleep(20_000);
            long after = rssKb(server.pid());
            System.out.printf("storm streams=%d rss_before_mb=%d rss_after_mb=%d growth_mb=%d threads=%d%n",
                    streams, before / 1024, after / 1024, (after - before) / 1024, threads(server.pid()));
        }
    }

    /** Opens {@code streams} 2M-row streams one after another, reads one batch of each, and cancels it. */
    private static void abandon(FlightClient client, int streams) {
        for (int i = 0; i < streams; i++) {
            FlightInfo info = client.getInfo(call("ManyRows", "{\"rows\":2000000}"));
            FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket());
            stream.next();
            stream.cancel("abandoned", null);
            try {
                stream.close();
            } catch (Exception expected) {
                // a cancelled stream may report its cancel when closed
            }
        }
    }

    private static void giveUp(int clientTimeoutMs) throws Exception {
        Path log = Files.createTempFile("robust-giveup", ".log");
        try (ServerProcess server = server(Map.of(), List.of(), log);
                BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, server.location()).build()) {
            String failure = "none";
            try {
                client.getInfo(call("Sleep", "{\"ms\":5000}"), CallOptions.timeout(clientTimeoutMs, TimeUnit.MILLISECONDS));
            } catch (FlightRuntimeException e) {
                failure = e.status().code().toString();
            }
            long gaveUpAt = System.currentTimeMillis();
            long interruptedAfterMs = -1;
            for (int i = 0; i < 100 && interruptedAfterMs < 0; i++) { // 10 s at most
                for (String line : Files.readAllLines(log)) {
                    int at = line.indexOf("sleep_interrupted at_ms=");
                    if (at >= 0) {
                        String digits = line.substring(at + "sleep_interrupted at_ms=".length()).replaceAll("\\D.*", "");
                        interruptedAfterMs = Long.parseLong(digits) - gaveUpAt;
                    }
                }
                Thread.sleep(100);
            }
            boolean started = Files.readAllLines(log).stream().anyMatch(l -> l.contains("sleep_started"));
            System.out.printf("giveup client_timeout_ms=%d client=%s function_started=%s"
                    + " function_interrupted_after_give_up_ms=%d (-1: never)%n", clientTimeoutMs, failure, started,
                    interruptedAfterMs);
        }
    }

    private static void malformed() throws Exception {
        Path log = Files.createTempFile("robust-malformed", ".log");
        try (ServerProcess server = server(Map.of(), List.of(), log)) {
            long linesBefore = Files.readAllLines(log).size();
            ManagedChannel channel = NettyChannelBuilder.forAddress(ServerProcess.HOST, server.location().getUri().getPort())
                    .usePlaintext().build();
            String result;
            try {
                // FlightDescriptor{type: PATH, path: [C3 28]} encoded by hand: protobuf's builders refuse invalid UTF-8.
                byte[] descriptor = {0x08, 0x02, 0x1A, 0x02, (byte) 0xC3, 0x28};
                io.grpc.stub.ClientCalls.blockingUnaryCall(channel, RAW_GET_FLIGHT_INFO,
                        io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), descriptor);
                result = "OK?";
            } catch (StatusRuntimeException e) {
                boolean errorInfo = e.getTrailers() != null && e.getTrailers().containsKey(
                        io.grpc.Metadata.Key.of(FlightErrors.ERROR_INFO_TRAILER, io.grpc.Metadata.BINARY_BYTE_MARSHALLER));
                result = e.getStatus().getCode() + " \"" + e.getStatus().getDescription() + "\" error_info=" + errorInfo;
            } finally {
                channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
            Thread.sleep(500); // the server's log line is written after the answer
            List<String> lines = Files.readAllLines(log);
            long newLines = lines.size() - linesBefore;
            long notJson = lines.stream().skip(linesBefore).filter(l -> !l.startsWith("{")).count();
            System.out.printf("malformed client=%s server_log_lines=%d not_json=%d%n", result, newLines, notJson);
        }
    }

    private static void soak(int seconds, int clients) throws Exception {
        try (ServerProcess server = server(Map.of(), List.of(), Files.createTempFile("robust-soak", ".log"));
                BufferAllocator allocator = new RootAllocator()) {
            Duration warmUp = Duration.ofSeconds(10);
            SmallCalls.warmUp(server, allocator, clients, warmUp, warmUp); // pools, caches and compiled code first
            long heapBefore = liveHeapKb(server.pid());
            long rssBefore = rssKb(server.pid());
            Duration soak = Duration.ofSeconds(seconds);
            SmallCalls.WarmUp calls = SmallCalls.warmUp(server, allocator, clients, soak, soak); // fails on any error
            long heapAfter = liveHeapKb(server.pid());
            long rssAfter = rssKb(server.pid());
            System.out.printf("soak seconds=%.0f clients=%d calls=%d calls_per_s=%.0f live_heap_mb before=%.1f after=%.1f"
                    + " rss_mb before=%d after=%d%n", calls.seconds(), clients, calls.calls(), calls.callsPerSecond(),
                    heapBefore / 1024.0, heapAfter / 1024.0, rssBefore / 1024, rssAfter / 1024);
        }
    }

    /** The heap {@code pid} uses right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in KiB. */
    private static long liveHeapKb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap use in jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
        }
        return output;
    }

    private static int threads(long pid) throws IOException {
        return (int) statusField(pid, "Threads:");
    }

    private static long rssKb(long pid) throws IOException {
        return statusField(pid, "VmRSS:");
    }

    private static long statusField(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
