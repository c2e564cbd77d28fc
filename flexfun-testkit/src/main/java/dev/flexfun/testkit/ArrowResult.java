package dev.flexfun.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.vector.ArrowValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A whole result as Arrow data: every batch appended into one {@link VectorSchemaRoot}. The caller
 * closes it (try-with-resources); one left open fails the test when the test server closes.
 */
public final class ArrowResult implements AutoCloseable {
    /**
     * The schema metadata key of data-source messages (docs/protocol.md,
     * "Function metadata and data-source messages").
     */
    public static final String DATA_SOURCE_MESSAGES_KEY = "x-gdc-data-source-messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final VectorSchemaRoot root;
    private final int batches;

    ArrowResult(Schema schema, VectorSchemaRoot root, int batches) {
        this.schema = schema;
        this.root = root;
        this.batches = batches;
    }

    /** {@return the result schema as sent, with its metadata} */
    public Schema schema() {
        return schema;
    }

    /** {@return all rows} Valid until {@link #close()}. */
    public VectorSchemaRoot root() {
        return root;
    }

    /** {@return how many rows the result has} */
    public int rowCount() {
        return root.getRowCount();
    }

    /** {@return how many record batches the server sent} */
    public int batches() {
        return batches;
    }

    /** {@return the rows as column name to value} See {@link ArrowValues} for the value types. */
    public List<Map<String, Object>> rows() {
        return ArrowValues.rows(root);
    }

    /**
     * {@return the rows as records of {@code type}, components matched to columns by name}
     *
     * @param type the record class to map each row to
     * @param <R> the record type
     */
    public <R extends Record> List<R> rows(Class<R> type) {
        return new RecordMapper<>(type, schema).map(rows());
    }

    /** {@return the data-source messages attached to the result: a JSON array, empty when there are none} */
    public JsonNode dataSourceMessages() {
        String json = schema.getCustomMetadata() == null ? null : schema.getCustomMetadata().get(DATA_SOURCE_MESSAGES_KEY);
        if (json == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("The " + DATA_SOURCE_MESSAGES_KEY + " metadata is not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        root.close();
    }
}
