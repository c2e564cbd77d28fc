package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.HealthMonitor;
import dev.flexfun.runtime.ServerContext;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hook and the function as plain methods, with a hand-made ServerContext. */
class SalesInCurrencyFunctionsTest {

    private static ServerContext settings(String json) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(json);
        return new ServerContext() {
            @Override
            public JsonNode settings() {
                return tree;
            }

            @Override
            public HealthMonitor health() {
                throw new UnsupportedOperationException("not used by the hook");
            }
        };
    }

    @AfterEach
    void backToDefaults() throws Exception {
        SalesInCurrencyFunctions.load(settings("{}"));
    }

    @Test
    void convertsWithTheLoadedRate() throws Exception {
        SalesInCurrencyFunctions.load(settings("{\"sales\": {\"currency\": \"EUR\", \"rate_from_usd\": 0.5}}"));
        List<PricedSale> sales = SalesInCurrencyFunctions.salesInCurrency(CallContext.builder().build()).toList();
        assertEquals(new PricedSale("EMEA", "Widget", new BigDecimal("600.25"), "EUR"), sales.get(0));
    }

    @Test
    void withoutASectionRevenueStaysInUsd() throws Exception {
        SalesInCurrencyFunctions.load(settings("{}"));
        PricedSale first = SalesInCurrencyFunctions.salesInCurrency(CallContext.builder().build()).findFirst().orElseThrow();
        assertEquals(new PricedSale("EMEA", "Widget", new BigDecimal("1200.50"), "USD"), first);
    }

    @Test
    void badSettingsStopTheHook() throws Exception {
        IllegalArgumentException currency = assertThrows(IllegalArgumentException.class,
                () -> SalesInCurrencyFunctions.load(settings("{\"sales\": {\"currency\": \"EURO\"}}")));
        assertTrue(currency.getMessage().contains("sales.currency = \"EURO\""), currency.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> SalesInCurrencyFunctions.load(settings("{\"sales\": {\"rate_from_usd\": -1}}")));
        assertTrue(rate.getMessage().contains("must be a positive number"), rate.getMessage());
    }
}
