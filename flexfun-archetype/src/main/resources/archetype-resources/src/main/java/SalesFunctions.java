package ${package};

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.Param;
import java.util.List;
import java.util.Optional;

/**
 * An example FlexFunction. The annotation processor derives its Arrow schema from {@link Sale},
 * generates an adapter that writes the rows into Arrow vectors, and registers it with the server.
 */
public final class SalesFunctions {
    private static final List<Sale> SALES = List.of(
            new Sale("EMEA", "Widget", 1200.50, 10),
            new Sale("EMEA", "Gadget", 830.00, 4),
            new Sale("AMER", "Widget", 2410.75, 21),
            new Sale("APAC", "Gadget", 1500.00, 7));

    private SalesFunctions() {
    }

    /** All sales, or those of one region when the call's parameters carry {@code "region"}. */
    @FlexFun(name = "Sales", description = "Sales by region and product")
    public static List<Sale> sales(@Param("region") Optional<String> region) {
        return SALES.stream()
                .filter(sale -> region.map(sale.region()::equals).orElse(true))
                .toList();
    }
}
