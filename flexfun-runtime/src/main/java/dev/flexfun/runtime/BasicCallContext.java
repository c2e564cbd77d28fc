package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.context.ExecutionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/** The one {@link CallContext} implementation; made by {@link CallContextBuilder}. */
final class BasicCallContext implements CallContext {
    private final String functionName;
    private final String taskId;
    private final JsonNode parameters;
    private final Optional<List<String>> columns;
    private final Map<String, List<String>> headers;
    private final Map<String, List<byte[]>> binaryHeaders;
    private final CancellationSignal cancellation;
    private final int batchSize;
    private final BufferAllocator allocator;
    private final Optional<Caller> caller;
    private final Optional<Instant> deadline;
    private final List<DataSourceMessage> messages = Collections.synchronizedList(new ArrayList<>());
    private final Object executionContextLock = new Object();
    /** The outcome of parsing parameters.executionContext; null until a function first asks. */
    private volatile ParsedExecutionContext executionContext;

    BasicCallContext(String functionName, String taskId, JsonNode parameters, Optional<List<String>> columns,
            Map<String, List<String>> headers, Map<String, List<byte[]>> binaryHeaders,
            CancellationSignal cancellation, int batchSize,
            BufferAllocator allocator, Optional<Caller> caller, Optional<Instant> deadline) {
        this.functionName = functionName;
        this.taskId = taskId;
        this.parameters = parameters;
        this.columns = columns;
        this.headers = headers;
        this.binaryHeaders = binaryHeaders;
        this.cancellation = cancellation;
        this.batchSize = batchSize;
        this.allocator = allocator;
        this.caller = caller;
        this.deadline = deadline;
    }

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public JsonNode parameters() {
        return parameters;
    }

    @Override
    public Optional<List<String>> columns() {
        return columns;
    }

    @Override
    public Optional<ExecutionContext> executionContext() {
        ParsedExecutionContext parsed = executionContext;
        if (parsed == null) {
            synchronized (executionContextLock) {
                parsed = executionContext;
                if (parsed == null) {
                    parsed = ParsedExecutionContext.of(parameters);
                    executionContext = parsed;
                }
            }
        }
        return parsed.get();
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public Map<String, List<byte[]>> binaryHeaders() {
        return binaryHeaders;
    }

    @Override
    public Optional<Caller> caller() {
        return caller;
    }

    @Override
    public Optional<Instant> deadline() {
        return deadline;
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public BufferAllocator allocator() {
        if (allocator == null) {
            throw new IllegalStateException("This call context has no allocator; give one to CallContext.builder().");
        }
        return allocator;
    }

    @Override
    public void addDataSourceMessage(DataSourceMessage message) {
        messages.add(java.util.Objects.requireNonNull(message));
    }

    @Override
    public List<DataSourceMessage> dataSourceMessages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** A parsed context or the error parsing gave, so a malformed payload is not parsed again either. */
    private record ParsedExecutionContext(Optional<ExecutionContext> value, BadArgumentException error) {
        static ParsedExecutionContext of(JsonNode parameters) {
            try {
                return new ParsedExecutionContext(ExecutionContext.fromParameters(parameters), null);
            } catch (BadArgumentException e) {
                return new ParsedExecutionContext(null, e);
            }
        }

        Optional<ExecutionContext> get() {
            if (error != null) {
                throw error;
            }
            return value;
        }
    }
}
