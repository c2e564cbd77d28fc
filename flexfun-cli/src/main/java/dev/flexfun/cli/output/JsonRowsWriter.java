package dev.flexfun.cli.output;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code --format json}: a JSON array of row objects, one per line (so {@code jq} reads it whole and
 * {@code grep} line by line), keys in column order.
 */
final class JsonRowsWriter implements ResultWriter {
    private final JsonGenerator json;
    private long rows;

    JsonRowsWriter(OutputStream out) {
        try {
            // Rows are written as root-level values, separated by ",\n"; the brackets are written around them.
            this.json = new JsonFactoryBuilder().rootValueSeparator(",\n").build().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start(VectorSchemaRoot root) {
    }

    @Override
    public void batch(VectorSchemaRoot root) throws IOException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = 0; r < root.getRowCount(); r++) {
            if (rows++ == 0) {
                json.writeRaw("[\n");
            }
            json.writeStartObject();
            for (FieldVector vector : vectors) {
                json.writeFieldName(vector.getName());
                Cells.json(json, vector, r);
            }
            json.writeEndObject();
        }
        json.flush();
    }

    @Override
    public void finish() throws IOException {
        json.writeRaw(rows == 0 ? "[]\n" : "\n]\n");
        json.close();
    }
}
