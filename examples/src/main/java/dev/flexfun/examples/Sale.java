package dev.flexfun.examples;

/** One row of the {@code Sales} function: its components become the columns, in this order. */
public record Sale(String region, String product, boolean promoted, double revenue, long units) {
}
