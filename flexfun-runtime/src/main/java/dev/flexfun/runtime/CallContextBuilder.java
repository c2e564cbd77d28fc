package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.context.ExecutionContext;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/** Builds a {@link CallContext}; the server uses it too, so tests see what a real call sees. */
public final class CallContextBuilder {
    /** The default number of rows per record batch (the measured sweet spot). */
    public static final int DEFAULT_BATCH_SIZE = 65_536;

    private static final ObjectMapper JSON = ParametersJson.MAPPER;

    private String functionName = "test";
    private String taskId = "test";
    private JsonNode parameters;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> binaryHeaders = new LinkedHashMap<>();
    private CancellationSignal cancellation = new CancellationSignal();
    private int batchSize = DEFAULT_BATCH_SIZE;
    private BufferAllocator allocator;
    private Caller caller;
    private Instant deadline;

    CallContextBuilder() {
    }

    /**
     * Sets the called function's name.
     *
     * @param functionName the name
     * @return this builder
     */
    public CallContextBuilder functionName(String functionName) {
        this.functionName = Objects.requireNonNull(functionName);
        return this;
    }

    /**
     * Sets the call's task id.
     *
     * @param taskId the id
     * @return this builder
     */
    public CallContextBuilder taskId(String taskId) {
        this.taskId = Objects.requireNonNull(taskId);
        return this;
    }

    /**
     * Sets the whole {@code parameters} object.
     *
     * @param parameters the object; {@code null} means none
     * @return this builder
     */
    public CallContextBuilder parameters(JsonNode parameters) {
        this.parameters = parameters;
        return this;
    }

    /**
     * Sets the whole {@code parameters} object from JSON text.
     *
     * @param json the object as JSON text
     * @return this builder
     * @throws java.io.UncheckedIOException when the text is not valid JSON
     */
    public CallContextBuilder parametersJson(String json) {
        try {
            return parameters(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("parameters are not valid JSON", e);
        }
    }

    /**
     * Sets {@code parameters.columns}, the columns hint.
     *
     * @param columns the columns the call needs, in the caller's order
     * @return this builder
     */
    public CallContextBuilder columns(String... columns) {
        ObjectNode params = parameters instanceof ObjectNode o ? o : JSON.createObjectNode();
        var array = params.putArray("columns");
        for (String c : columns) {
            array.add(c);
        }
        this.parameters = params;
        return this;
    }

    /**
     * Sets {@code parameters.executionContext}, keeping the other parameters. Call it after
     * {@link #parameters} / {@link #parametersJson}, which replace all parameters.
     *
     * @param executionContext the execution context; {@code null} removes it
     * @return this builder
     */
    public CallContextBuilder executionContext(JsonNode executionContext) {
        ObjectNode params = parameters instanceof ObjectNode o ? o.deepCopy() : JSON.createObjectNode();
        if (executionContext == null) {
            params.remove("executionContext");
        } else {
            params.set("executionContext", executionContext.deepCopy());
        }
        this.parameters = params;
        return this;
    }

    /**
     * Sets {@code parameters.executionContext} to this context's JSON, e.g. one made by the test kit's
     * {@code ExecutionContextBuilder}.
     *
     * @param executionContext the execution context; {@code null} removes it
     * @return this builder
     */
    public CallContextBuilder executionContext(ExecutionContext executionContext) {
        return executionContext(executionContext == null ? null : executionContext.raw());
    }

    /**
     * Sets {@code parameters.executionContext} from JSON text, e.g. a payload captured from
     * GoodData.
     *
     * @param json the execution context as JSON text
     * @return this builder
     * @throws java.io.UncheckedIOException when the text is not valid JSON
     */
    public CallContextBuilder executionContextJson(String json) {
        try {
            return executionContext(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("executionContext is not valid JSON", e);
        }
    }

    /**
     * Adds a header value (names are case-insensitive and kept in lower case).
     *
     * @param name the header's name
     * @param value one of its values
     * @return this builder
     */
    public CallContextBuilder header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    /**
     * Adds a binary header; gRPC names them with the suffix {@code -bin}.
     *
     * @param name the header's name, ending in {@code -bin} (in any case)
     * @param value one of its values; copied
     * @return this builder
     * @throws IllegalArgumentException when {@code name} does not end in {@code -bin}
     */
    public CallContextBuilder binaryHeader(String name, byte[] value) {
        if (!name.toLowerCase(Locale.ROOT).endsWith("-bin")) {
            throw new IllegalArgumentException("A binary header's name ends in -bin (gRPC binary metadata); was " + name);
        }
        binaryHeaders.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(Objects.requireNonNull(value, "value").clone());
        return this;
    }

    /**
     * Sets the signal the context reports cancellation from; by default a fresh, uncancelled one.
     * A test keeps it to cancel the call.
     *
     * @param cancellation the signal; not {@code null}
     * @return this builder
     */
    public CallContextBuilder cancellation(CancellationSignal cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation);
        return this;
    }

    /**
     * Sets how many rows an adapter writes per record batch.
     *
     * @param batchSize a positive number of rows
     * @return this builder
     */
    public CallContextBuilder batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Sets the allocator for hand-written functions' data; required only by functions that use it.
     *
     * @param allocator the allocator, which the caller closes
     * @return this builder
     */
    public CallContextBuilder allocator(BufferAllocator allocator) {
        this.allocator = allocator;
        return this;
    }

    /**
     * Sets who made the call.
     *
     * @param caller the caller; {@code null} means an unauthenticated call
     * @return this builder
     */
    public CallContextBuilder caller(Caller caller) {
        this.caller = caller;
        return this;
    }

    /**
     * Sets when the call will be cancelled, as {@link CallContext#deadline()} reports it.
     *
     * @param deadline the deadline; {@code null} means no deadline
     * @return this builder
     */
    public CallContextBuilder deadline(Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    /**
     * {@return a new call context with what was set; parameters default to an empty object}
     */
    public CallContext build() {
        JsonNode params = parameters == null || parameters.isNull() ? JSON.createObjectNode() : parameters;
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        Map<String, List<byte[]>> frozenBinary = new LinkedHashMap<>();
        binaryHeaders.forEach((k, v) -> frozenBinary.put(k, List.copyOf(v)));
        return new BasicCallContext(functionName, taskId, params, columnsOf(params), Map.copyOf(frozen),
                Map.copyOf(frozenBinary), cancellation, batchSize, allocator, Optional.ofNullable(caller),
                Optional.ofNullable(deadline));
    }

    private static Optional<List<String>> columnsOf(JsonNode params) {
        JsonNode columns = params.get("columns");
        if (columns == null || columns.isNull()) {
            return Optional.empty();
        }
        if (!columns.isArray()) {
            throw new BadArgumentException("parameters.columns must be an array of column names.");
        }
        List<String> names = new ArrayList<>(columns.size());
        for (JsonNode c : columns) {
            if (!c.isTextual()) {
                throw new BadArgumentException("parameters.columns must contain only strings, found: " + c);
            }
            names.add(c.asText());
        }
        return Optional.of(List.copyOf(names));
    }
}
