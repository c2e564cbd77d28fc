package dev.flexfun.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Deterministic sample rows; every writer reads the same list. */
public final class SampleData {
    private static volatile List<SampleRow> rows = List.of();

    private SampleData() {
    }

    private static final String[] REGIONS = names("region-", 100);
    private static final String[] PRODUCTS = names("product-name-", 1000);

    /** Builds {@code count} rows: strings drawn from small sets (like dimension values), varied numbers. */
    public static List<SampleRow> generate(int count) {
        List<SampleRow> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(row(i));
        }
        return result;
    }

    /** The same rows as {@link #generate}, made one by one as the stream is read (nothing materialised). */
    public static Stream<SampleRow> stream(long count) {
        return LongStream.range(0, count).mapToObj(SampleData::row);
    }

    /** Row {@code i}; the strings are shared constants, so making a row costs one small allocation. */
    static SampleRow row(long i) {
        return new SampleRow(REGIONS[(int) (i % REGIONS.length)], PRODUCTS[(int) ((i * 7) % PRODUCTS.length)],
                i % 3 == 0, i * 1.5, i / 7.0, i * 31L);
    }

    private static String[] names(String prefix, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + i;
        }
        return names;
    }

    public static List<SampleRow> rows() {
        return rows;
    }

    static void use(List<SampleRow> sample) {
        rows = sample;
    }
}
