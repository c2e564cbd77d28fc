package dev.flexfun.cli.output;

import java.io.OutputStream;

/** {@code --format}. */
public enum OutputFormat {
    /** Aligned columns for reading; widths from the first batch, so output starts at once. */
    table,
    /** RFC 4180 CSV with a header line; null is an empty field. */
    csv,
    /** A JSON array of row objects, one row per line. */
    json,
    /** The Arrow IPC stream format, schema metadata included (for pyarrow, DuckDB, another program). */
    arrow;

    /**
     * {@return a writer of results in this format}
     *
     * @param out where the writer writes the result
     */
    public ResultWriter writer(OutputStream out) {
        return switch (this) {
            case table -> new TableWriter(out);
            case csv -> new CsvWriter(out);
            case json -> new JsonRowsWriter(out);
            case arrow -> new ArrowStreamOutput(out);
        };
    }
}
