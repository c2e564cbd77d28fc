package dev.flexfun.benchmarks;

import java.util.Arrays;

/** Median and spread of a few measured runs (the machine is shared, so means would mislead). */
record Stats(double median, double min, double max) {
    static Stats of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1]);
    }
}
