package dev.flexfun.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The one table the summary benchmark prints: each figure beside its same-run baseline and their ratio. */
final class SummaryTable {
    private record Row(String figure, String value, String baseline, String ratio, String target) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure with a baseline measured in the same run; the ratio is value / baseline. */
    void add(String figure, double value, double baseline, String unit, String format, String target) {
        rows.add(new Row(figure, String.format(format, value) + " " + unit, String.format(format, baseline) + " " + unit,
                String.format("%.2fx", value / baseline), target));
    }

    /** A figure measured on its own (a memory peak, say), with what it is compared with in words. */
    void add(String figure, String value, String baseline, String target) {
        rows.add(new Row(figure, value, baseline, "", target));
    }

    void print(String title) {
        String[] header = {"figure", "this server", "baseline (same run)", "ratio", "target"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        System.out.println();
        System.out.println(title);
        line(header, width);
        String[] rule = new String[header.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(rule, width);
        for (Row row : rows) {
            line(cells(row), width);
        }
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure(), row.value(), row.baseline(), row.ratio(), row.target()};
    }

    private static void line(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(String.format("%-" + width[i] + "s", cells[i])).append(" |");
        }
        System.out.println(line);
    }
}
