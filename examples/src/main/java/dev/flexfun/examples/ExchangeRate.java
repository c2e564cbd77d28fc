package dev.flexfun.examples;

import dev.flexfun.annotations.Column;
import java.math.BigDecimal;

/** One rate of the {@code ExchangeRates} function: 1 {@code base} is {@code rate} {@code currency}. */
public record ExchangeRate(String base, String currency, @Column(precision = 18, scale = 6) BigDecimal rate) {
}
