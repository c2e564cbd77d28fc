package dev.flexfun.examples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.annotations.Param;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.ServerContext;
import dev.flexfun.runtime.http.RemoteHttp;
import java.io.IOException;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function backed by a remote HTTP API: {@code GET <base_url>/rates?base=USD} with a bearer token,
 * answering {@code {"base": "USD", "rates": {"EUR": 0.92, ...}}}. The request gets what is left of
 * the call's deadline as its timeout and is aborted when the call is cancelled ({@link RemoteHttp});
 * the remote service's 4xx answers reach the caller as BAD_ARGUMENT, its 5xx answers and timeouts as
 * COMMAND_FAILED that may be retried.
 *
 * <pre>
 * [exchange_rates]                               # config/functions.toml; env GOODDATA_FLIGHT_EXCHANGE_RATES__BASE_URL
 * base_url = "https://rates.example.com/v1/"
 * timeout_ms = 10000                             # only for calls without a deadline (tests)
 * token_file = "/run/secrets/exchange-rates"     # or env EXCHANGE_RATES_TOKEN, which wins
 * </pre>
 *
 * The token is read from the environment or a file, never from the settings, and never logged.
 */
public final class ExchangeRatesFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRatesFunctions.class);
    static final String SECTION = "exchange_rates";
    static final String TOKEN_ENV = "EXCHANGE_RATES_TOKEN";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Rates stay exact decimals, as sent. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The scale of the rate column: rates with more places are rounded half-even to it. */
    static final int RATE_SCALE = 6;

    /** Made on the first call, not by the on-load hook: building it sets up TLS, a tenth of the server's start-up. */
    private static final class Client {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What the hook read; {@code null} while the section has no {@code base_url}. */
    record RatesSettings(URI baseUrl, Optional<Secret> token, Duration timeout) {

        static Optional<RatesSettings> read(JsonNode section, Map<String, String> environment) {
            if (section.has("token")) {
                throw new IllegalArgumentException("Do not put " + SECTION + ".token in the settings files: set the "
                        + "environment variable " + TOKEN_ENV + " or name a file with " + SECTION + ".token_file.");
            }
            String baseUrl = section.path("base_url").asText("");
            if (baseUrl.isBlank()) {
                return Optional.empty();
            }
            URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("Setting " + SECTION + ".base_url must be an http(s) URL such as "
                        + "https://rates.example.com/v1/; its scheme was " + uri.getScheme() + ".");
            }
            long timeoutMs = section.path("timeout_ms").asLong(10_000);
            if (timeoutMs <= 0) {
                throw new IllegalArgumentException("Setting " + SECTION + ".timeout_ms must be positive, was " + timeoutMs + ".");
            }
            return Optional.of(new RatesSettings(uri,
                    Secret.fromEnvironmentOrFile(environment, TOKEN_ENV, section.path("token_file").asText("")),
                    Duration.ofMillis(timeoutMs)));
        }
    }

    private static volatile Optional<RatesSettings> settings = Optional.empty();

    private ExchangeRatesFunctions() {
    }

    @OnLoad
    public static void load(ServerContext server) {
        settings = RatesSettings.read(server.section(SECTION), System.getenv());
        settings.ifPresent(s -> LOG.info("ExchangeRates reads {} ({})", s.baseUrl(),
                s.token().isPresent() ? "with a token" : "without a token"));
    }

    @FlexFun(name = "ExchangeRates", description = "Exchange rates from a remote HTTP API (settings: [exchange_rates])")
    public static List<ExchangeRate> rates(CallContext ctx, @Param("base") Optional<String> base) {
        RatesSettings current = settings.orElseThrow(() -> new FlexFunException(ErrorCode.COMMAND_FAILED,
                "ExchangeRates is not configured: set " + SECTION + ".base_url in the settings."));
        String currency = base.orElse("USD");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new BadArgumentException("Parameter 'base' must be a currency code of three capital letters, e.g. "
                    + "\"USD\"; was \"" + currency + "\".");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(current.baseUrl().resolve("rates?base=" + currency))
                .header("Accept", "application/json").GET();
        current.token().ifPresent(token -> request.header("Authorization", "Bearer " + token.value()));
        long start = System.nanoTime();
        HttpResponse<String> response = RemoteHttp.send(ctx, Client.INSTANCE, request, current.timeout());
        LOG.debug("GET {}rates answered HTTP {} in {} ms", current.baseUrl(), response.statusCode(),
                (System.nanoTime() - start) / 1_000_000);
        return parse(currency, response.body());
    }

    static List<ExchangeRate> parse(String base, String body) {
        try {
            JsonNode rates = JSON.readTree(body).path("rates");
            if (!rates.isObject()) {
                throw new IOException("no \"rates\" object");
            }
            List<ExchangeRate> result = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = rates.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> rate = it.next();
                if (!rate.getValue().isNumber()) {
                    throw new IOException("the rate of " + rate.getKey() + " is not a number");
                }
                result.add(new ExchangeRate(base, rate.getKey(), rate.getValue().decimalValue().setScale(RATE_SCALE, RoundingMode.HALF_EVEN)));
            }
            return result;
        } catch (IOException e) {
            throw new FlexFunException(ErrorCode.COMMAND_FAILED, "The exchange-rate service answered with JSON this "
                    + "function does not understand: " + e.getMessage() + ".");
        }
    }
}
