package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexfun.runtime.CallContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A function is a plain method: test it as one. */
class SalesFunctionsTest {

    @Test
    void returnsTheFixedSales() {
        List<Sale> sales = SalesFunctions.sales(CallContext.builder().build()).toList();
        assertEquals(5, sales.size());
        assertEquals(new Sale("EMEA", "Widget", false, 1200.50, 10), sales.get(0));
        assertEquals(43, sales.stream().mapToLong(Sale::units).sum());
    }
}
