package dev.flexfun.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code --format table}. The column widths are fitted to the header and the first batch, which is
 * then printed; later batches are printed as they come, so a long result needs no buffering.
 */
final class TableWriter implements ResultWriter {
    static final String NULL = "null";

    private final PrintWriter out;
    private TextTable table;
    private boolean headerPrinted;

    TableWriter(OutputStream out) {
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    @Override
    public void start(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        List<String> header = new ArrayList<>();
        boolean[] right = new boolean[vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            header.add(vectors.get(i).getName());
            right[i] = Cells.isNumeric(vectors.get(i));
        }
        table = new TextTable(header, right);
    }

    @Override
    public void batch(VectorSchemaRoot root) {
        List<List<String>> rows = new ArrayList<>(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (FieldVector vector : root.getFieldVectors()) {
                String text = Cells.text(vector, r);
                row.add(text == null ? NULL : text.replace("\n", "\\n").replace("\r", "\\r"));
            }
            rows.add(row);
        }
        if (!headerPrinted) {
            rows.forEach(table::widen);
            table.printHeader(out);
            headerPrinted = true;
        }
        for (List<String> row : rows) {
            table.print(out, row);
        }
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        if (!headerPrinted) {
            table.printHeader(out);
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("Writing the table to standard output failed.");
        }
    }
}
