package dev.flexfun.server.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.CallContextBuilder;
import dev.flexfun.runtime.CancellationSignal;
import dev.flexfun.runtime.DataSourceMessage;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.server.protocol.Json;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Runs one function call: builds its {@link CallContext}, calls the function, and shapes the result
 * as it will be sent. Where and when this runs is the {@link CallExecution}'s business.
 */
public final class FunctionInvoker {
    /** Schema metadata key of the data-source messages (PROTOCOL.md section 1). */
    public static final String DATA_SOURCE_MESSAGES_KEY = "x-gdc-data-source-messages";

    /** The task id a call's checks see: they run before (or without) a task. */
    private static final String CHECK_TASK_ID = "check";

    private final int batchSize;

    public FunctionInvoker(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Checks what can be checked before a call is queued (bad columns fail fast, not on the pool). */
    public List<String> requestedColumns(FunctionCall call) {
        CallContext probe = context(call, CHECK_TASK_ID, new CancellationSignal(), null);
        List<String> columns = probe.columns().orElse(List.of());
        List<String> known = call.function().schema().getFields().stream().map(Field::getName).toList();
        for (String column : columns) {
            if (!known.contains(column)) {
                throw new BadArgumentException("Function '" + call.function().name() + "' has no column '" + column
                        + "'; its columns are " + known + ".");
            }
        }
        return columns;
    }

    /**
     * Checks a call without running it: the columns hint, and through {@link
     * dev.flexfun.runtime.FlexFunction#checkCall} its parameters and execution context.
     *
     * @return the schema the call's result will be sent with (data-source messages aside: they are
     *     known only once the function ran)
     * @throws Exception what {@code checkCall} throws (see {@link Failures})
     */
    public Schema check(FunctionCall call) throws Exception {
        List<String> columns = requestedColumns(call);
        call.function().checkCall(context(call, CHECK_TASK_ID, new CancellationSignal(), null));
        return ShapedResult.schemaOf(call.function().schema(), columns, Map.of());
    }

    /**
     * Calls the function. The returned result is owned by the caller (close it); when the function
     * fails, whatever it returned is already closed.
     */
    public FlexResult invoke(FunctionCall call, String taskId, CancellationSignal cancellation,
            BufferAllocator allocator) throws Exception {
        List<String> columns = requestedColumns(call);
        CallContext context = context(call, taskId, cancellation, allocator);
        FlexResult result = call.function().call(context);
        if (result == null) {
            throw new IllegalStateException("Function '" + call.function().name() + "' returned no result (null).");
        }
        try {
            return ShapedResult.of(result, columns, messagesMetadata(context.dataSourceMessages()));
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }

    private CallContext context(FunctionCall call, String taskId, CancellationSignal cancellation,
            BufferAllocator allocator) {
        CallContextBuilder builder = CallContext.builder()
                .functionName(call.function().name())
                .taskId(taskId)
                .parameters(call.command().parameters())
                .cancellation(cancellation)
                .batchSize(batchSize)
                .allocator(allocator)
                .caller(call.caller());
        for (Map.Entry<String, List<String>> header : call.headers().entrySet()) {
            header.getValue().forEach(v -> builder.header(header.getKey(), v));
        }
        return builder.build();
    }

    private static Map<String, String> messagesMetadata(List<DataSourceMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (DataSourceMessage m : messages) {
            ObjectNode node = array.addObject();
            node.put("source", m.source());
            node.put("correlation_id", m.correlationId());
            node.put("type", m.type());
            node.set("data", m.data());
        }
        return Map.of(DATA_SOURCE_MESSAGES_KEY, array.toString());
    }
}
