package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A function is a plain method: test it as one. */
class SalesFunctionsTest {

    @Test
    void returnsEverySaleWithoutARegion() {
        assertEquals(4, SalesFunctions.sales(Optional.empty()).size());
    }

    @Test
    void keepsTheSalesOfTheRegionAsked() {
        List<Sale> emea = SalesFunctions.sales(Optional.of("EMEA"));
        assertEquals(List.of(new Sale("EMEA", "Widget", 1200.50, 10), new Sale("EMEA", "Gadget", 830.00, 4)), emea);
    }
}
