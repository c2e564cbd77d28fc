package dev.flexfun.examples;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * What {@link OrdersDatabase}'s generator puts in table {@code orders}, computed in Java from the
 * same rules, so tests can state how many rows a filter must return.
 */
record GeneratedOrders(long orderId, String region, String product, LocalDate orderDate) {
    private static final LocalDate FIRST = LocalDate.parse(OrdersDatabase.FIRST_DATE);

    static GeneratedOrders row(long i) {
        return new GeneratedOrders(i, OrdersDatabase.REGIONS[(int) (i % OrdersDatabase.REGIONS.length)],
                OrdersDatabase.PRODUCTS[(int) (i / OrdersDatabase.REGIONS.length % OrdersDatabase.PRODUCTS.length)],
                FIRST.plusDays(i % OrdersDatabase.DAYS));
    }

    /** How many of the first {@code rows} generated orders pass {@code filter}. */
    static long count(long rows, Predicate<GeneratedOrders> filter) {
        long count = 0;
        for (long i = 0; i < rows; i++) {
            if (filter.test(row(i))) {
                count++;
            }
        }
        return count;
    }
}
