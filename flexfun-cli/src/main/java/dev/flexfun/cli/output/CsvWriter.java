package dev.flexfun.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.BufferedWriter;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** {@code --format csv}: RFC 4180 quoting, a header line, {@code \n} line ends, null as an empty field. */
final class CsvWriter implements ResultWriter {
    private final Writer out;

    CsvWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void start(VectorSchemaRoot root) throws IOException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int i = 0; i < vectors.size(); i++) {
            field(i, vectors.get(i).getName());
        }
        out.write('\n');
    }

    @Override
    public void batch(VectorSchemaRoot root) throws IOException {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = 0; r < root.getRowCount(); r++) {
            for (int i = 0; i < vectors.size(); i++) {
                field(i, Cells.text(vectors.get(i), r));
            }
            out.write('\n');
        }
        out.flush();
    }

    private void field(int index, String value) throws IOException {
        if (index > 0) {
            out.write(',');
        }
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        out.write(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
