package dev.flexfun.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.OnShutdownHook;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.FunctionCatalog;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.lifecycle.ArrowJvmFlags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real FlexFun server, in-process on a free loopback port, with a Flight client to call it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FlexFunTestServer server = FlexFunTestServer.create();
 *
 * @Test
 * void servesSales() {
 *     assertEquals(5, server.call("Sales").size());
 * }
 * }</pre>
 *
 * <p>By default it serves every function found on the test class path (the generated registries,
 * through {@link java.util.ServiceLoader}, as {@code Main} does), with default settings; no
 * environment variable is read. On a {@code static} field it starts once per test class, on an
 * instance field once per test; it can also be used as a plain {@link AutoCloseable} with
 * {@link #start()}.
 *
 * <p>The kit owns one {@link RootAllocator}. When it closes, memory still allocated fails the test:
 * on the client side that is an {@link ArrowResult} nobody closed, on the server side a leak.
 */
public final class FlexFunTestServer
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private boolean discover = true;
    private final List<FlexFunction> functions = new ArrayList<>();
    private final List<OnLoadHook> hooks = new ArrayList<>();
    private final List<OnShutdownHook> shutdownHooks = new ArrayList<>();
    private final List<Path> configFiles = new ArrayList<>();
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private String token;

    private RootAllocator root;
    private BufferAllocator serverAllocator;
    private BufferAllocator clientAllocator;
    private FlexFunServer server;
    private FlightClient client;
    private boolean perTest;
    /** Discovery found no registry: calls to functions not served fail with the processor hint. */
    private boolean noRegistryFound;

    private FlexFunTestServer() {
    }

    /** {@return a test server that will serve the functions on the test class path} */
    public static FlexFunTestServer create() {
        return new FlexFunTestServer();
    }

    // ---- configuration (before start) ----

    /**
     * Serves only the functions given with {@link #function}, not those on the class path.
     *
     * @return this test server
     */
    public FlexFunTestServer withoutDiscovery() {
        checkNotStarted();
        discover = false;
        return this;
    }

    /**
     * Also serves {@code function}.
     *
     * @param function a hand-written {@link FlexFunction} or a generated adapter
     * @return this test server
     */
    public FlexFunTestServer function(FlexFunction function) {
        checkNotStarted();
        functions.add(function);
        return this;
    }

    /**
     * Also runs {@code hook} at startup, after the class path's hooks.
     *
     * @param hook the hook to run
     * @return this test server
     */
    public FlexFunTestServer onLoad(OnLoadHook hook) {
        checkNotStarted();
        hooks.add(hook);
        return this;
    }

    /**
     * Also runs {@code hook} when the server closes, after the class path's {@code @OnShutdown} hooks
     * (which the kit runs too), before the memory check.
     *
     * @param hook the hook to run
     * @return this test server
     */
    public FlexFunTestServer onShutdown(OnShutdownHook hook) {
        checkNotStarted();
        shutdownHooks.add(hook);
        return this;
    }

    /**
     * Reads settings from a TOML file, e.g. your {@code config/functions.toml}; later files win.
     *
     * @param file the TOML file
     * @return this test server
     */
    public FlexFunTestServer configFile(Path file) {
        checkNotStarted();
        configFiles.add(file);
        return this;
    }

    /**
     * Sets one setting, winning over the files: {@code setting("flexfun.batch_size", 1000)},
     * {@code setting("sales.currency", "EUR")}. The listen address is always loopback on a free port.
     *
     * @param sectionDotKey the setting's section and key, joined by a dot
     * @param value a string, number, boolean or list of them
     * @return this test server
     */
    public FlexFunTestServer setting(String sectionDotKey, Object value) {
        checkNotStarted();
        if (sectionDotKey.indexOf('.') <= 0) {
            throw new IllegalArgumentException("A setting is named section.key, e.g. flexfun.batch_size; was: "
                    + sectionDotKey);
        }
        overrides.put(sectionDotKey, value);
        return this;
    }

    /**
     * Sends {@code authorization: Bearer <token>} with every call (for servers with token authentication).
     *
     * @param token the token to send
     * @return this test server
     */
    public FlexFunTestServer token(String token) {
        checkNotStarted();
        this.token = token;
        return this;
    }

    // ---- lifecycle ----

    /**
     * Starts the server and the client.
     *
     * @return this test server, started
     * @throws dev.flexfun.server.lifecycle.MissingJvmFlagsException when the test JVM lacks the flags
     *     Arrow needs (surefire's argLine), naming them
     */
    public FlexFunTestServer start() {
        checkNotStarted();
        ArrowJvmFlags.require(); // before the kit's own allocator, whose failure would not say why
        root = new RootAllocator();
        serverAllocator = root.newChildAllocator("flexfun-test-server", 0, Long.MAX_VALUE);
        clientAllocator = root.newChildAllocator("flexfun-test-client", 0, Long.MAX_VALUE);
        try {
            FlexFunServer.Builder builder = FlexFunServer.builder().settings(settings()).allocator(serverAllocator);
            if (discover) {
                List<FlexFunctionRegistry> registries = FunctionCatalog.discoverRegistries();
                registries.forEach(builder::registry);
                noRegistryFound = registries.isEmpty();
            }
            functions.forEach(builder::function);
            hooks.forEach(builder::onLoad);
            shutdownHooks.forEach(builder::onShutdown);
            server = builder.start();
            client = FlightClient.builder(clientAllocator, server.location()).build();
            return this;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private Settings settings() {
        Settings settings = Settings.load(configFiles, Map.of());
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            settings = settings.with(e.getKey(), TomlValues.of(e.getValue()));
        }
        // Last, so that no file or override moves the test server off loopback or onto a fixed port.
        return settings.with("server.listen_host", "\"127.0.0.1\"").with("server.listen_port", "0")
                .with("server.advertise_host", "\"127.0.0.1\"");
    }

    /**
     * Stops everything and checks the memory.
     *
     * @throws IllegalStateException when memory leaked; the message says whether a result was not
     *     closed (client) or the server leaked
     */
    @Override
    public void close() {
        if (root == null) {
            return;
        }
        RuntimeException failure = attempt(null, this::closeClient);
        failure = attempt(failure, this::closeServer);
        failure = attempt(failure, root::close);
        root = null;
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs one closing step; the first failure is thrown at the end, later ones are suppressed in it. */
    private static RuntimeException attempt(RuntimeException failure, Runnable step) {
        try {
            step.run();
            return failure;
        } catch (RuntimeException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
            return failure;
        }
    }

    private void closeClient() {
        try {
            if (client != null) {
                client.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client = null;
        }
        long leaked = clientAllocator.getAllocatedMemory();
        if (leaked != 0) {
            throw new IllegalStateException("A call's Arrow data was not closed: " + leaked + " bytes are still "
                    + "held. Close every ArrowResult (try-with-resources).");
        }
        clientAllocator.close();
    }

    private void closeServer() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server = null;
            serverAllocator.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException suppressed) {
            // the start failure is the error worth reporting
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** On an instance field JUnit calls only the per-test callbacks: one server per test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (root == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            perTest = false;
            close();
        }
    }

    // ---- calls ----

    /** {@return the server under test, e.g. for {@code settings()} or {@code catalog()}} */
    public FlexFunServer server() {
        checkStarted();
        return server;
    }

    /**
     * {@return the most Arrow memory the server held at once since it started, in bytes} It shows that a
     * streamed result stays within a few batches however many rows it has.
     */
    public long serverPeakMemory() {
        checkStarted();
        return serverAllocator.getPeakMemoryAllocation();
    }

    /**
     * The Arrow memory the server holds now, in bytes: calls' results and what functions keep in
     * allocators of their own ({@code ServerContext.newAllocator}).
     *
     * @return the bytes of Arrow memory the server holds now
     * @throws IllegalStateException when the server is not running
     */
    public long serverMemory() {
        checkStarted();
        return serverAllocator.getAllocatedMemory();
    }

    /**
     * {@return the functions the server lists (ListFlights), in the order of their names}
     *
     * @throws IllegalStateException when the server is not running
     */
    public List<FunctionInfo> list() {
        checkStarted();
        List<FunctionInfo> infos = new ArrayList<>();
        for (FlightInfo info : client.listFlights(Criteria.ALL, options())) {
            JsonNode descriptor = readJson(info.getDescriptor().getCommand());
            JsonNode metadata = descriptor.get("metadata");
            infos.add(new FunctionInfo(descriptor.get("functionName").asText(),
                    metadata == null || metadata.isNull() ? null : metadata, info.getSchema()));
        }
        return infos;
    }

    /**
     * {@return a function's full schema (GetSchema)}
     *
     * @param function the function's name
     */
    public Schema schema(String function) {
        checkStarted();
        checkServed(function);
        ObjectNode command = JSON.createObjectNode().put("functionName", function);
        return client.getSchema(FlightDescriptor.command(bytes(command)), options()).getSchema();
    }

    /**
     * Calls {@code function} without parameters.
     *
     * @param function the function's name
     * @return the rows as column name to value
     */
    public List<Map<String, Object>> call(String function) {
        return call(function, Map.of());
    }

    /**
     * Calls {@code function}.
     *
     * @param function the function's name
     * @param parameters the call's {@code parameters}: a {@code Map}, a Jackson {@code JsonNode}, or a
     *     JSON object as a {@code String}
     * @return the rows as column name to value
     */
    public List<Map<String, Object>> call(String function, Object parameters) {
        try (ArrowResult result = callArrow(function, parameters)) {
            return result.rows();
        }
    }

    /**
     * Calls {@code function}.
     *
     * @param function the function's name
     * @param parameters the call's {@code parameters}: a {@code Map}, a Jackson {@code JsonNode}, or a
     *     JSON object as a {@code String}
     * @param type the record class to map each row to, components matched to columns by name
     * @param <R> the record type
     * @return the rows as records
     */
    public <R extends Record> List<R> call(String function, Object parameters, Class<R> type) {
        try (ArrowResult result = callArrow(function, parameters)) {
            return result.rows(type);
        }
    }

    /**
     * Calls {@code function} (GetFlightInfo, then DoGet).
     *
     * @param function the function's name
     * @param parameters the call's {@code parameters}: a {@code Map}, a Jackson {@code JsonNode}, or a
     *     JSON object as a {@code String}
     * @return the whole result as Arrow data, which the caller closes
     */
    public ArrowResult callArrow(String function, Object parameters) {
        Ticket ticket = submit(function, parameters);
        try (FlightStream stream = client.getStream(ticket, options())) {
            Schema schema = stream.getSchema();
            VectorSchemaRoot all = VectorSchemaRoot.create(schema, clientAllocator);
            int batches = 0;
            try {
                all.allocateNew(); // the appender grows the vectors but needs their first buffers
                while (stream.next()) {
                    VectorSchemaRootAppender.append(false, all, stream.getRoot());
                    batches++;
                }
            } catch (RuntimeException e) {
                all.close();
                throw e;
            }
            return new ArrowResult(schema, all, batches);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Closing the result stream of '" + function + "' failed", e);
        }
    }

    /**
     * Calls {@code function} and reads its result batch by batch, never holding more than one: for
     * large results.
     *
     * @param function the function's name
     * @param parameters the call's {@code parameters}: a {@code Map}, a Jackson {@code JsonNode}, or a
     *     JSON object as a {@code String}
     * @param onBatch sees each batch while it is valid (do not keep it)
     * @return what was streamed: schema, rows, batches and the largest batch
     */
    public StreamSummary stream(String function, Object parameters, Consumer<VectorSchemaRoot> onBatch) {
        Ticket ticket = submit(function, parameters);
        try (FlightStream stream = client.getStream(ticket, options())) {
            long rows = 0;
            int batches = 0;
            int largest = 0;
            while (stream.next()) {
                VectorSchemaRoot batch = stream.getRoot();
                onBatch.accept(batch);
                rows += batch.getRowCount();
                batches++;
                largest = Math.max(largest, batch.getRowCount());
            }
            return new StreamSummary(stream.getSchema(), rows, batches, largest);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Closing the result stream of '" + function + "' failed", e);
        }
    }

    /**
     * The GetFlightInfo step alone.
     *
     * @param function the function's name
     * @param parameters the call's {@code parameters}: a {@code Map}, a Jackson {@code JsonNode}, or a
     *     JSON object as a {@code String}
     * @return the FlightInfo of the call (schema, ticket, location)
     */
    public FlightInfo submitInfo(String function, Object parameters) {
        checkStarted();
        checkServed(function);
        ObjectNode command = JSON.createObjectNode();
        command.put("functionName", function);
        command.set("parameters", parametersTree(parameters));
        return client.getInfo(FlightDescriptor.command(bytes(command)), options());
    }

    private Ticket submit(String function, Object parameters) {
        return submitInfo(function, parameters).getEndpoints().get(0).getTicket();
    }

    private static JsonNode parametersTree(Object parameters) {
        if (parameters == null) {
            return JSON.createObjectNode();
        }
        if (parameters instanceof String json) {
            return readJson(json.getBytes(StandardCharsets.UTF_8));
        }
        return JSON.valueToTree(parameters);
    }

    private CallOption[] options() {
        if (token == null) {
            return new CallOption[0];
        }
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert("authorization", "Bearer " + token);
        return new CallOption[] {new HeaderCallOption(headers)};
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call the server would answer "does not exist" because the processor never ran: say so. */
    private void checkServed(String function) {
        if (noRegistryFound && server.catalog().find(function).isEmpty()) {
            throw new IllegalStateException("Function '" + function + "' is not served. "
                    + FunctionCatalog.NO_REGISTRY_HINT);
        }
    }

    private void checkNotStarted() {
        if (root != null) {
            throw new IllegalStateException("The test server is already running; configure it before it starts.");
        }
    }

    private void checkStarted() {
        if (client == null) {
            throw new IllegalStateException("The test server is not running. Register it with @RegisterExtension "
                    + "or call start().");
        }
    }
}
