package dev.flexfun.examples;

import dev.flexfun.annotations.Column;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of table {@code orders}, as the {@code Orders} function returns it: the columns keep the table's names. */
public record OrderRow(
        @Column(name = "order_id") long orderId,
        String region,
        String product,
        @Column(name = "order_date") LocalDate orderDate,
        int quantity,
        @Column(precision = 18, scale = 2) BigDecimal revenue) {
}
