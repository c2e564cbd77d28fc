package dev.flexfun.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows of text in aligned columns, two spaces apart, a dashed line under the header. */
public final class TextTable {
    private final List<String> header;
    private final boolean[] rightAligned;
    private final int[] widths;

    /**
     * A table with these column names, as wide as they are until {@link #widen} makes room for rows.
     *
     * @param header the column names
     * @param rightAligned per column, whether its cells are aligned right (numbers); copied
     */
    public TextTable(List<String> header, boolean[] rightAligned) {
        this.header = List.copyOf(header);
        this.rightAligned = rightAligned.clone();
        this.widths = new int[header.size()];
        widen(header);
    }

    /**
     * A table with these column names, every column aligned left.
     *
     * @param header the column names
     */
    public TextTable(List<String> header) {
        this(header, new boolean[header.size()]);
    }

    /**
     * Makes the columns wide enough for {@code row}.
     *
     * @param row one cell per column
     */
    public void widen(List<String> row) {
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(widths[i], row.get(i).length());
        }
    }

    /**
     * Prints the column names and a rule of dashes under them.
     *
     * @param out where to print
     */
    public void printHeader(PrintWriter out) {
        print(out, header);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        print(out, rule);
    }

    /**
     * Prints one row; a value wider than its column (seen after the widths were fixed) just pushes the line.
     *
     * @param out where to print
     * @param row one cell per column
     */
    public void print(PrintWriter out, List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = row.get(i);
            String padding = " ".repeat(Math.max(0, widths[i] - cell.length()));
            if (i > 0) {
                line.append("  ");
            }
            boolean last = i == widths.length - 1;
            line.append(rightAligned[i] ? padding + cell : last ? cell : cell + padding);
        }
        out.println(line.toString().stripTrailing()); // empty last cells leave no trailing blanks
    }

    /**
     * Prints the header and {@code rows}, the widths fitting all of them, and flushes.
     *
     * @param out where to print
     * @param header the column names
     * @param rows the rows, one cell per column each
     */
    public static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        TextTable table = new TextTable(header);
        rows.forEach(table::widen);
        table.printHeader(out);
        for (List<String> row : rows) {
            table.print(out, row);
        }
        out.flush();
    }
}
