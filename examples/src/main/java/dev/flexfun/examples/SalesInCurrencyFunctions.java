package dev.flexfun.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ServerContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.stream.Stream;

/**
 * An {@code @OnLoad} hook reading a custom config section, and a function using what it loaded.
 *
 * <pre>
 * [sales]                 # config/functions.toml
 * currency = "EUR"        # ISO 4217 code the revenue is shown in
 * rate_from_usd = 0.92    # 1 USD in that currency
 * </pre>
 *
 * Env overrides work for custom sections too: {@code GOODDATA_FLIGHT_SALES__CURRENCY=CHF}.
 * The hook runs once at startup, before any call; if it throws, the server does not start, so a
 * bad setting is reported at once instead of on the first call.
 */
public final class SalesInCurrencyFunctions {
    /** What the hook loaded; the record is immutable and the field volatile, so calls on any thread see it whole. */
    record CurrencySettings(Currency currency, BigDecimal rateFromUsd) {
        static final CurrencySettings DEFAULT = new CurrencySettings(Currency.getInstance("USD"), BigDecimal.ONE);
    }

    private static volatile CurrencySettings settings = CurrencySettings.DEFAULT;

    private SalesInCurrencyFunctions() {
    }

    @OnLoad
    public static void load(ServerContext server) {
        JsonNode section = server.section("sales");
        String code = section.path("currency").asText("USD");
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting sales.currency = \"" + code
                    + "\" is not an ISO 4217 currency code (e.g. \"EUR\").", e);
        }
        JsonNode rate = section.path("rate_from_usd");
        if (!rate.isMissingNode() && !(rate.isNumber() && rate.decimalValue().signum() > 0)) {
            throw new IllegalArgumentException("Setting sales.rate_from_usd = " + rate + " must be a positive number.");
        }
        settings = new CurrencySettings(currency, rate.isMissingNode() ? BigDecimal.ONE : rate.decimalValue());
    }

    /** The {@code Sales} rows with their USD revenue converted with the loaded rate. */
    @FlexFun(name = "SalesInCurrency", description = "Sales revenue in the currency set in [sales]")
    public static Stream<PricedSale> salesInCurrency(CallContext ctx) {
        CurrencySettings current = settings;
        return SalesFunctions.sales(ctx).map(sale -> new PricedSale(sale.region(), sale.product(),
                BigDecimal.valueOf(sale.revenue()).multiply(current.rateFromUsd()).setScale(2, RoundingMode.HALF_EVEN),
                current.currency().getCurrencyCode()));
    }
}
