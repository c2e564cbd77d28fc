package dev.flexfun.examples;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.CallContext;
import java.util.List;
import java.util.stream.Stream;

/** An example FlexFunction: a few fixed sales rows. */
public final class SalesFunctions {
    private static final List<Sale> SALES = List.of(
            new Sale("EMEA", "Widget", false, 1200.50, 10),
            new Sale("EMEA", "Gadget", true, 830.00, 4),
            new Sale("AMER", "Widget", true, 2410.75, 21),
            new Sale("AMER", "Gizmo", false, 99.90, 1),
            new Sale("APAC", "Gadget", false, 1500.00, 7));

    private SalesFunctions() {
    }

    @FlexFun(name = "Sales", description = "Sales by region", metadata = "{\"tags\":[\"demo\"]}")
    public static Stream<Sale> sales(CallContext ctx) {
        return SALES.stream();
    }
}
