package dev.flexfun.examples;

/** One row of the sample function: three attributes and three facts. */
public record SampleRow(String attribute1, String attribute2, boolean attribute3, double fact1, double fact2,
        long fact3) {
}
