package dev.flexfun.examples;

import dev.flexfun.annotations.Column;
import java.math.BigDecimal;

/** One row of {@code SalesInCurrency}: a sale's revenue converted to the configured currency. */
public record PricedSale(String region, String product,
        @Column(precision = 14, scale = 2) BigDecimal revenue, String currency) {
}
