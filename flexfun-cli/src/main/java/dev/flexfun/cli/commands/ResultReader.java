package dev.flexfun.cli.commands;

import dev.flexfun.cli.flight.CallEvents;
import dev.flexfun.cli.flight.RemoteCall;
import dev.flexfun.cli.output.ResultWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Between the stream and the output: keeps the {@code --columns} asked for (the server may send
 * more: the hint lets it, the caller trims), stops after {@code --limit} rows, counts for progress,
 * and shows data-source messages on stderr.
 */
final class ResultReader implements RemoteCall.BatchReader {
    static final String DATA_SOURCE_MESSAGES = "x-gdc-data-source-messages";

    private final ResultWriter writer;
    private final Optional<List<String>> columns;
    private final long limit;
    private final CallEvents events;
    private final PrintStream err;
    private VectorSchemaRoot view;
    private long rows;

    /** @param limit rows to read at most; {@code Long.MAX_VALUE} for all */
    ResultReader(ResultWriter writer, Optional<List<String>> columns, long limit, CallEvents events, PrintStream err) {
        this.writer = writer;
        this.columns = columns;
        this.limit = limit;
        this.events = events;
        this.err = err;
    }

    @Override
    public void start(VectorSchemaRoot root, Schema schema) throws Exception {
        List<FieldVector> vectors = new ArrayList<>();
        if (columns.isPresent()) {
            for (String name : columns.get()) {
                FieldVector vector = root.getVector(name);
                if (vector == null) {
                    throw new IllegalStateException("The result has no column '" + name + "' although the server "
                            + "accepted the hint.");
                }
                vectors.add(vector);
            }
        } else {
            vectors.addAll(root.getFieldVectors());
        }
        List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
        Map<String, String> metadata = schema.getCustomMetadata();
        // A view on the stream's vectors (never closed here: the stream owns them).
        view = new VectorSchemaRoot(new Schema(fields, metadata), vectors, 0);
        if (metadata != null && metadata.containsKey(DATA_SOURCE_MESSAGES)) {
            err.println("data-source messages: " + metadata.get(DATA_SOURCE_MESSAGES));
        }
        writer.start(view);
    }

    @Override
    public boolean batch(VectorSchemaRoot root) throws Exception {
        int take = (int) Math.min(root.getRowCount(), limit - rows);
        events.batch(take, bufferBytes(root));
        view.setRowCount(take);
        writer.batch(view);
        rows += take;
        return rows < limit;
    }

    @Override
    public void finish() throws Exception {
        writer.finish();
    }

    private static long bufferBytes(VectorSchemaRoot root) {
        long bytes = 0;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }
}
