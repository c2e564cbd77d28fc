package ${package};

/** One row of the {@code Sales} function: the record's components are its columns, in this order. */
public record Sale(String region, String product, double revenue, long units) {
}
