package dev.flexfun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.HealthMonitor;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.OnShutdownHook;
import dev.flexfun.runtime.ServerContext;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.execution.CallExecution;
import dev.flexfun.server.execution.Failures;
import dev.flexfun.server.execution.ReadResultsReclaim;
import dev.flexfun.server.lifecycle.ArrowJvmFlags;
import dev.flexfun.server.lifecycle.FunctionAllocators;
import dev.flexfun.server.lifecycle.InFlightCalls;
import dev.flexfun.server.lifecycle.Loading;
import dev.flexfun.server.lifecycle.MissingJvmFlagsException;
import dev.flexfun.server.observability.HealthHttpServer;
import dev.flexfun.server.observability.ServerHealth;
import dev.flexfun.server.observability.ServerMetrics;
import dev.flexfun.server.observability.StructuredLogging;
import dev.flexfun.server.observability.Tracing;
import dev.flexfun.server.protocol.CommandParser;
import dev.flexfun.server.transport.NettyTransport;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running FlexFun server. Built by {@link #builder()}: in {@link Main}, in tests and in the test
 * kit (with {@code server.listen_port = 0} it listens on a free port; see {@link #port()}).
 *
 * <p>Life cycle, as the health endpoints report it: starting (on-load hooks run, {@code /ready}
 * answers 500), ready once the hooks have run and the Flight server accepts calls, shutting down from
 * {@link #close()}. When it serves while loading ({@link Builder#serveWhileLoading(boolean)}), the
 * Flight server accepts calls while starting: ListFlights answers, calls that run a function wait.
 */
public final class FlexFunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlexFunServer.class);
    /** After the grace period, how long gRPC may take to end the calls still open. */
    private static final long TRANSPORT_STOP_SECONDS = 5;

    private final Settings settings;
    private final FunctionCatalog catalog;
    private final ServerHealth health;
    private final HealthHttpServer healthHttp;
    private final ServerMetrics metrics = new ServerMetrics();
    private final Tracing tracing;
    private final InFlightCalls inFlight = new InFlightCalls();
    private final BufferAllocator allocator;
    private final BufferAllocator ownedRoot;
    private final CallExecution execution;
    private final ResultStreamer streamer;
    private final ExecutorService rpcThreads;
    private final HTTPServer metricsHttp;
    private final NettyTransport transport;
    private final FlightServer flightServer;
    private final Location advertised;
    private final ServerContext context;
    private final FunctionAllocators functionAllocators;
    private final CompletableFuture<Void> loaded;
    private final Loading loading;
    private boolean closed;

    private FlexFunServer(Settings settings, FunctionCatalog catalog, ServerHealth health, HealthHttpServer healthHttp,
            FlightServerFactory factory, BufferAllocator parent, boolean ownsParent, Tracing tracing,
            ServerContext context, FunctionAllocators functionAllocators, ReadResultsReclaim reclaim,
            CompletableFuture<Void> loaded)
            throws IOException {
        this.settings = settings;
        this.loaded = loaded;
        this.loading = new Loading(loaded, settings.flexfun().callDeadline());
        this.context = context;
        this.functionAllocators = functionAllocators;
        this.tracing = tracing;
        this.catalog = catalog;
        this.health = health;
        this.healthHttp = healthHttp;
        this.ownedRoot = ownsParent ? parent : null;
        // The limit holds for a parent given by the embedder too; every call's allocator is a child of this one.
        this.allocator = parent.newChildAllocator("flexfun-server", reclaim, 0, settings.resources().arrowMemoryLimit());
        metrics.withAllocator("flexfun-server", allocator);
        Failures failures = new Failures(settings.flexfun().errorStackTraces());
        CommandParser parser = new CommandParser(settings.flexfun().maxCommandBytes());
        this.execution = CallExecutions.of(settings, catalog, parser, failures, allocator, metrics, tracing);
        reclaim.dropFrom(execution);
        this.streamer = new ResultStreamer(allocator, failures, settings.flexfun().streamStallTimeout(),
                settings.resources().streamThreads(), settings.resources().streamDeadline());
        metrics.withStreams(streamer::active, streamer::waiting);
        this.rpcThreads = RpcThreads.create(settings.resources().rpcThreads());
        this.transport = NettyTransport.create();
        Location[] advertisedHolder = new Location[1];
        FlexFunProducer producer = new FlexFunProducer(catalog, parser, execution, streamer, () -> advertisedHolder[0],
                inFlight, loading);
        HTTPServer metricsServer = null;
        FlightServer built = null;
        try {
            metricsServer = startMetrics(settings, metrics);
            built = factory.build(allocator, producer, metrics, tracing, rpcThreads, transport);
            built.start();
        } catch (IOException | RuntimeException e) {
            // e.g. the port is taken: free what was made so far, so a caller may retry in this JVM.
            if (built != null) {
                closeUnstarted(built);
            }
            if (metricsServer != null) {
                metricsServer.close();
            }
            execution.close();
            streamer.close();
            rpcThreads.shutdownNow();
            closeUnstarted(transport);
            allocator.close(); // the builder closes the root allocator it made
            throw e;
        }
        this.flightServer = built;
        this.metricsHttp = metricsServer;
        this.advertised = factory.advertisedLocation(flightServer.getPort());
        advertisedHolder[0] = advertised;
        loaded.thenRun(health::markReady); // ready: the hooks have run and Flight accepts calls
    }

    private static void closeUnstarted(AutoCloseable server) {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not free what a failed start made: {}", e.toString());
        }
    }

    private static HTTPServer startMetrics(Settings settings, ServerMetrics metrics) throws IOException {
        if (settings.server().metricsHost().isEmpty()) {
            return null;
        }
        metrics.withJvmMetrics();
        return metrics.startHttpServer(settings.server().metricsHost().get(), settings.server().metricsPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the real one when {@code listen_port} was 0). */
    public int port() {
        return flightServer.getPort();
    }

    /** Where to connect to this server on its listen host. */
    public Location location() {
        return settings.server().useTls() ? Location.forGrpcTls(settings.server().listenHost(), port())
                : Location.forGrpcInsecure(settings.server().listenHost(), port());
    }

    /** The location put in FlightInfo endpoints. */
    public Location advertisedLocation() {
        return advertised;
    }

    /** The port of the health endpoints, when they are on ({@code health_check_host}). */
    public OptionalInt healthCheckPort() {
        return healthHttp == null ? OptionalInt.empty() : OptionalInt.of(healthHttp.port());
    }

    /** The port of the metrics endpoint, when it is on ({@code metrics_host}). */
    public OptionalInt metricsPort() {
        return metricsHttp == null ? OptionalInt.empty() : OptionalInt.of(metricsHttp.getPort());
    }

    public Settings settings() {
        return settings;
    }

    public FunctionCatalog catalog() {
        return catalog;
    }

    public ServerHealth health() {
        return health;
    }

    /**
     * Completes once the on-load hooks have run: at once from {@link Builder#start()}, unless the server
     * serves while loading ({@link Builder#serveWhileLoading(boolean)}); then exceptionally if a hook
     * failed, and the server should be closed.
     */
    public CompletableFuture<Void> loaded() {
        return loaded.copy();
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException {
        flightServer.awaitTermination();
    }

    /**
     * Stops gracefully: {@code /ready} turns 500 and new calls get SHUTTING_DOWN at once; running
     * calls and result streams get {@code shutdown_grace_sec} to finish; then whatever still runs is
     * cancelled, results are dropped, everything closes, the {@code @OnShutdown} hooks run (a failing
     * one is logged), and the memory is checked: an allocator that is not empty (a leak) is logged and
     * makes this throw.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        Duration grace = settings.server().shutdownGrace();
        health.markShuttingDown();
        inFlight.beginShutdown();
        loading.stop();
        LOG.atInfo().addKeyValue("calls_in_flight", inFlight.inFlight()).addKeyValue("grace_ms", grace.toMillis())
                .log("shutdown_started");
        if (!inFlight.awaitIdle(grace)) {
            LOG.atWarn().addKeyValue("calls_in_flight", inFlight.inFlight())
                    .log("shutdown_grace_expired: cancelling the calls still running");
        }
        try {
            execution.shutdown();
            streamer.close();
            flightServer.shutdown();
            if (!flightServer.awaitTermination(TRANSPORT_STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Flight calls still open {} s after shutdown; stopping them.", TRANSPORT_STOP_SECONDS);
            }
            flightServer.close();
            transport.close();
            rpcThreads.shutdownNow();
            execution.close();
        } finally {
            if (metricsHttp != null) {
                metricsHttp.close();
            }
            if (healthHttp != null) {
                healthHttp.close();
            }
            tracing.close(); // after the calls: their spans are sent too
        }
        // After the calls (nothing reads what the hooks free any more), before the leak check (which sees it freed);
        // never beside on-load hooks still running.
        awaitHooks(grace);
        runShutdownHooks(catalog.shutdownHooks(), context);
        checkMemory();
    }

    private void awaitHooks(Duration grace) throws InterruptedException {
        try {
            loaded.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            // Logged where it failed; the shutdown hooks free what the hooks before it loaded.
        } catch (TimeoutException e) {
            LOG.warn("On-load hooks still running {} s after shutdown began; stopping without them.", grace.toSeconds());
        }
    }

    /** Runs every hook; a failing one is logged and the others still run. */
    private static void runShutdownHooks(List<OnShutdownHook> hooks, ServerContext context) {
        for (OnShutdownHook hook : hooks) {
            try {
                hook.run(context);
                LOG.atInfo().addKeyValue("hook", hook.source()).log("shutdown_hook_done");
            } catch (Exception | LinkageError e) {
                LOG.atError().addKeyValue("hook", hook.source()).setCause(e)
                        .log("shutdown_hook_failed: " + e.getMessage());
            }
        }
    }

    private void checkMemory() {
        long leaked = allocator.getAllocatedMemory();
        try {
            allocator.close();
            // What functions still keep is theirs, not a leak of the server (reported by closeOrReport).
            if (functionAllocators.closeOrReport() && ownedRoot != null) {
                ownedRoot.close();
            }
        } catch (IllegalStateException leak) {
            LOG.atError().addKeyValue("leaked_bytes", leaked).addKeyValue("allocators", leak.getMessage())
                    .log("memory_leak");
            throw leak;
        }
        LOG.atInfo().addKeyValue("leaked_bytes", 0).log("memory_check_passed");
    }

    /** Builds and starts a server. */
    public static final class Builder {
        private Settings settings;
        private final List<FlexFunctionRegistry> registries = new ArrayList<>();
        private final List<FlexFunction> functions = new ArrayList<>();
        private final List<OnLoadHook> hooks = new ArrayList<>();
        private final List<OnShutdownHook> shutdownHooks = new ArrayList<>();
        private BufferAllocator allocator;
        private Tracing tracing;
        private boolean serveWhileLoading;

        private Builder() {
        }

        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings);
            return this;
        }

        /** Adds every registry found by {@link java.util.ServiceLoader} on the context class path. */
        public Builder discoverRegistries() {
            registries.addAll(FunctionCatalog.discoverRegistries());
            return this;
        }

        public Builder registry(FlexFunctionRegistry registry) {
            registries.add(Objects.requireNonNull(registry));
            return this;
        }

        /** Serves one function given directly (named "builder" in errors about duplicates). */
        public Builder function(FlexFunction function) {
            functions.add(Objects.requireNonNull(function));
            return this;
        }

        public Builder onLoad(OnLoadHook hook) {
            hooks.add(Objects.requireNonNull(hook));
            return this;
        }

        public Builder onShutdown(OnShutdownHook hook) {
            shutdownHooks.add(Objects.requireNonNull(hook));
            return this;
        }

        /**
         * The allocator the server's memory comes from (a child of it is closed with the server);
         * by default the server has a root allocator of its own.
         */
        public Builder allocator(BufferAllocator allocator) {
            this.allocator = allocator;
            return this;
        }

        /**
         * Whether {@link #start()} listens before the on-load hooks have run (off by default; {@link Main}
         * follows {@code flexfun.serve_while_loading}). Then the hooks run on a thread of their own:
         * ListFlights answers at once, calls that run a function wait for the hooks (NOT_READY past their
         * deadline), {@code /ready} answers 202 once they are done, and a hook that fails completes
         * {@link FlexFunServer#loaded()} exceptionally instead of failing {@code start()}.
         */
        public Builder serveWhileLoading(boolean serveWhileLoading) {
            this.serveWhileLoading = serveWhileLoading;
            return this;
        }

        /**
         * Tracing other than {@code server.otel_exporter_type} asks for: tests give an in-memory
         * exporter here. The server closes it.
         */
        Builder tracing(Tracing tracing) {
            this.tracing = Objects.requireNonNull(tracing);
            return this;
        }

        /**
         * Checks the JVM's flags, loads the functions (duplicate names fail; none at all is a warning),
         * runs the on-load hooks once, and starts listening.
         *
         * @throws MissingJvmFlagsException when the JVM lacks the flags Arrow needs
         * @throws IllegalStateException when functions clash or a hook fails
         */
        public FlexFunServer start() throws IOException {
            ArrowJvmFlags.require(); // before any Arrow class runs: one clear message, not a failure far away
            Settings effective = settings != null ? settings : Settings.defaults();
            StructuredLogging.routeJavaUtilLogging();
            FunctionCatalog catalog = new FunctionCatalog();
            registries.forEach(catalog::add);
            functions.forEach(f -> catalog.add(f, "builder"));
            hooks.forEach(catalog::addHook);
            shutdownHooks.forEach(catalog::addShutdownHook);
            if (catalog.functions().isEmpty()) {
                LOG.warn("No functions found. {}", FunctionCatalog.NO_REGISTRY_HINT);
            }
            ServerHealth health = new ServerHealth();
            // Up before the hooks run: an orchestrator sees "starting" (/ready 500), not a closed port.
            HealthHttpServer healthHttp = startHealth(effective, health);
            boolean ownsAllocator = allocator == null;
            BufferAllocator parent = null;
            Tracing tracingUsed = null;
            FunctionAllocators functionAllocators = null;
            ReadResultsReclaim reclaim = new ReadResultsReclaim();
            ServerContext context = null;
            try {
                // Before the hooks: they may keep Arrow data in allocators of the same root (newAllocator).
                parent = ownsAllocator ? new RootAllocator(effective.resources().arrowMemoryLimit()) : allocator;
                functionAllocators = new FunctionAllocators(parent, reclaim);
                context = context(effective, health, functionAllocators);
                FlightServerFactory factory = new FlightServerFactory(effective, context,
                        FunctionCatalog.contextClassLoader());
                tracingUsed = tracing != null ? tracing : Tracing.forExporterType(effective.server().otelExporterType());
                if (!serveWhileLoading) {
                    runHooks(catalog.hooks(), context);
                    return new FlexFunServer(effective, catalog, health, healthHttp, factory, parent, ownsAllocator,
                            tracingUsed, context, functionAllocators, reclaim, CompletableFuture.completedFuture(null));
                }
                CompletableFuture<Void> loaded = new CompletableFuture<>();
                FlexFunServer server = new FlexFunServer(effective, catalog, health, healthHttp, factory, parent,
                        ownsAllocator, tracingUsed, context, functionAllocators, reclaim, loaded);
                ServerContext hooksContext = context;
                Thread loader = new Thread(() -> {
                    try {
                        runHooks(catalog.hooks(), hooksContext);
                        loaded.complete(null);
                    } catch (RuntimeException | LinkageError e) {
                        loaded.completeExceptionally(e);
                    }
                }, "flexfun-load");
                loader.setDaemon(true);
                loader.start();
                return server;
            } catch (IOException | RuntimeException e) {
                if (context != null) {
                    // On-load hooks may have run: let functions free what they loaded, as at a normal stop.
                    runShutdownHooks(catalog.shutdownHooks(), context);
                }
                if (tracingUsed != null) {
                    tracingUsed.close();
                }
                boolean functionMemoryFreed = functionAllocators == null || functionAllocators.closeOrReport();
                if (ownsAllocator && parent != null && functionMemoryFreed) {
                    parent.close();
                }
                if (healthHttp != null) {
                    healthHttp.close();
                }
                throw e;
            }
        }

        private static HealthHttpServer startHealth(Settings settings, ServerHealth health) throws IOException {
            var host = settings.server().healthCheckHost();
            return host.isEmpty() ? null : HealthHttpServer.start(host.get(), settings.server().healthCheckPort(), health);
        }

        private static void runHooks(List<OnLoadHook> hooks, ServerContext context) {
            for (OnLoadHook hook : hooks) {
                try {
                    hook.run(context);
                } catch (Exception e) {
                    throw new IllegalStateException("On-load hook " + hook.source() + " failed: " + e.getMessage(), e);
                }
            }
        }

        private static ServerContext context(Settings settings, HealthMonitor health, FunctionAllocators allocators) {
            JsonNode tree = settings.tree().deepCopy();
            return new ServerContext() {
                @Override
                public BufferAllocator newAllocator(String name) {
                    return allocators.newAllocator(name);
                }

                @Override
                public JsonNode settings() {
                    return tree;
                }

                @Override
                public HealthMonitor health() {
                    return health;
                }
            };
        }
    }
}
