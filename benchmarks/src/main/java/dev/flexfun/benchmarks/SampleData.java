package dev.flexfun.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Deterministic sample rows; every writer reads the same list. */
public final class SampleData {
    private static volatile List<SampleRow> rows = List.of();

    private SampleData() {
    }

    /** Builds {@code count} rows: strings drawn from small sets (like dimension values), varied numbers. */
    public static List<SampleRow> generate(int count) {
        String[] regions = new String[100];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = "region-" + i;
        }
        String[] products = new String[1000];
        for (int i = 0; i < products.length; i++) {
            products[i] = "product-name-" + i;
        }
        List<SampleRow> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(new SampleRow(regions[i % regions.length], products[(i * 7) % products.length], i % 3 == 0,
                    i * 1.5, i / 7.0, i * 31L));
        }
        return result;
    }

    public static List<SampleRow> rows() {
        return rows;
    }

    static void use(List<SampleRow> sample) {
        rows = sample;
    }
}
