package dev.flexfun.benchmarks;

/** The 6-column sample schema: 2 strings, a bool, 2 doubles, a long. */
public record SampleRow(String attribute1, String attribute2, boolean attribute3, double fact1, double fact2,
        long fact3) {
}
