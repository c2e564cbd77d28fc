package dev.flexfun.examples;

/**
 * One row of the sample function: three attributes and three facts. Boxed types on purpose: every
 * column is nullable, exactly as the template's schema (pyarrow's default), so a GoodData data set
 * built on the Python template's sample is unchanged.
 */
public record SampleRow(String attribute1, String attribute2, Boolean attribute3, Double fact1, Double fact2,
        Long fact3) {
}
