package dev.flexfun.examples;

import java.time.LocalDate;

/** One row of {@code StockLevels}. */
public record StockLevel(String warehouse, String product, long units, LocalDate countedOn) {
}
