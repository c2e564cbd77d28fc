package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.testkit.FlexFunTestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The on-load hook reads the repository's config/functions.toml, as run-server.sh serves it. */
class SalesInCurrencyEndToEndTest {
    /** Tests run in the examples module; the config folder is at the repository root. */
    private static final Path FUNCTIONS_TOML = Path.of("..", "config", "functions.toml");

    @Test
    void usesTheShippedConfig() {
        try (FlexFunTestServer server = FlexFunTestServer.create().configFile(FUNCTIONS_TOML).start()) {
            List<PricedSale> sales = server.call("SalesInCurrency", Map.of(), PricedSale.class);
            assertEquals(new PricedSale("EMEA", "Widget", new BigDecimal("1104.46"), "EUR"), sales.get(0));
        }
    }

    @Test
    void settingsOverrideTheFile() {
        try (FlexFunTestServer server = FlexFunTestServer.create().configFile(FUNCTIONS_TOML)
                .setting("sales.currency", "CHF").setting("sales.rate_from_usd", 2).start()) {
            Map<String, Object> first = server.call("SalesInCurrency").get(0);
            assertEquals("CHF", first.get("currency"));
            assertEquals(new BigDecimal("2401.00"), first.get("revenue"));
        }
    }

    @Test
    void aBadCurrencyStopsTheStartup() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FlexFunTestServer.create().setting("sales.currency", "XYZW").start());
        assertTrue(e.getMessage().contains("not an ISO 4217 currency code"), e.getMessage());
    }
}
