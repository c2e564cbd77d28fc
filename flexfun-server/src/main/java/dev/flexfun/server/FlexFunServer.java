package dev.flexfun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.HealthMonitor;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.ServerContext;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.execution.CallExecution;
import dev.flexfun.server.execution.ExecutionLimits;
import dev.flexfun.server.execution.Failures;
import dev.flexfun.server.execution.FunctionInvoker;
import dev.flexfun.server.execution.TaskExecution;
import dev.flexfun.server.protocol.CommandParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running FlexFun server. Built by {@link #builder()}: in {@link Main}, in tests and in the test
 * kit (with {@code server.listen_port = 0} it listens on a free port; see {@link #port()}).
 */
public final class FlexFunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlexFunServer.class);

    private final Settings settings;
    private final FunctionCatalog catalog;
    private final ModuleHealth health;
    private final BufferAllocator allocator;
    private final BufferAllocator ownedRoot;
    private final CallExecution execution;
    private final ResultStreamer streamer;
    private final FlightServer flightServer;
    private final Location advertised;
    private boolean closed;

    private FlexFunServer(Settings settings, FunctionCatalog catalog, ModuleHealth health, BufferAllocator parent,
            boolean ownsParent) throws IOException {
        this.settings = settings;
        this.catalog = catalog;
        this.health = health;
        this.ownedRoot = ownsParent ? parent : null;
        this.allocator = parent.newChildAllocator("flexfun-server", 0, Long.MAX_VALUE);
        Failures failures = new Failures(settings.flexfun().errorStackTraces());
        this.execution = new TaskExecution(ExecutionLimits.of(settings),
                new FunctionInvoker(settings.flexfun().batchSize()), failures, allocator);
        this.streamer = new ResultStreamer(allocator, failures);
        FlightServerFactory factory = new FlightServerFactory(settings);
        Location[] advertisedHolder = new Location[1];
        FlexFunProducer producer = new FlexFunProducer(catalog, new CommandParser(settings.flexfun().maxCommandBytes()),
                execution, streamer, () -> advertisedHolder[0]);
        try {
            this.flightServer = factory.build(allocator, producer);
            flightServer.start();
        } catch (IOException | RuntimeException e) {
            execution.close();
            streamer.close();
            allocator.close();
            throw e;
        }
        this.advertised = factory.advertisedLocation(flightServer.getPort());
        advertisedHolder[0] = advertised;
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

    public Settings settings() {
        return settings;
    }

    public FunctionCatalog catalog() {
        return catalog;
    }

    public ModuleHealth health() {
        return health;
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException {
        flightServer.awaitTermination();
    }

    /**
     * Stops: calls not finished fail with SHUTTING_DOWN, streams stop, results are dropped, and the
     * memory is checked: an allocator that is not empty (a leak) makes this throw.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        execution.shutdown();
        streamer.close();
        flightServer.shutdown();
        if (!flightServer.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("Flight calls still running 5 s after shutdown; stopping them.");
        }
        flightServer.close();
        execution.close();
        allocator.close();
        if (ownedRoot != null) {
            ownedRoot.close();
        }
    }

    /** Builds and starts a server. */
    public static final class Builder {
        private Settings settings;
        private final List<FlexFunctionRegistry> registries = new ArrayList<>();
        private final List<FlexFunction> functions = new ArrayList<>();
        private final List<OnLoadHook> hooks = new ArrayList<>();
        private BufferAllocator allocator;

        private Builder() {
        }

        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings);
            return this;
        }

        /** Adds every registry found by {@link java.util.ServiceLoader} on the context class path. */
        public Builder discoverRegistries() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            registries.addAll(FunctionCatalog.discoverRegistries(loader != null ? loader : Builder.class.getClassLoader()));
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

        /**
         * The allocator the server's memory comes from (a child of it is closed with the server);
         * by default the server has a root allocator of its own.
         */
        public Builder allocator(BufferAllocator allocator) {
            this.allocator = allocator;
            return this;
        }

        /**
         * Loads the functions (duplicate names fail), runs the on-load hooks once, and starts listening.
         *
         * @throws IllegalStateException when functions clash or a hook fails
         */
        public FlexFunServer start() throws IOException {
            Settings effective = settings != null ? settings : Settings.defaults();
            FunctionCatalog catalog = new FunctionCatalog();
            registries.forEach(catalog::add);
            functions.forEach(f -> catalog.add(f, "builder"));
            hooks.forEach(catalog::addHook);
            ModuleHealth health = new ModuleHealth();
            runHooks(catalog.hooks(), context(effective, health));
            boolean ownsAllocator = allocator == null;
            BufferAllocator parent = ownsAllocator ? new RootAllocator() : allocator;
            try {
                return new FlexFunServer(effective, catalog, health, parent, ownsAllocator);
            } catch (IOException | RuntimeException e) {
                if (ownsAllocator) {
                    parent.close();
                }
                throw e;
            }
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

        private static ServerContext context(Settings settings, HealthMonitor health) {
            JsonNode tree = settings.tree().deepCopy();
            return new ServerContext() {
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
