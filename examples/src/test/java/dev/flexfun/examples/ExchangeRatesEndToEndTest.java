package dev.flexfun.examples;

import static dev.flexfun.testkit.FlexFunAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.testkit.FlexFunTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@code ExchangeRates} over real Flight RPC against a local HTTP service: the token from a file is
 * sent and never logged, and the service's errors reach the client as the protocol's codes.
 */
@Timeout(120)
class ExchangeRatesEndToEndTest {
    private static final String TOKEN = "tok-" + Long.toHexString(System.nanoTime()) + "-s3cret";
    private static final int RETRY_ANYWHERE_COMMAND_FAILED = FlexFunException.RETRY_ANYWHERE | ErrorCode.COMMAND_FAILED.code();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final HttpServer RATES = ratesService();
    private static final ListAppender<ILoggingEvent> LOGS = capturedLogs();

    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create()
            .setting("exchange_rates.base_url", "http://127.0.0.1:" + RATES.getAddress().getPort() + "/v1")
            .setting("exchange_rates.token_file", tokenFile().toString());

    /** USD: rates; XYZ: 404 with a message; ERR: 503; anything else without the token: 401. */
    private static HttpServer ratesService() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/v1/rates", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                AUTHORIZATIONS.add(String.valueOf(authorization));
                String query = exchange.getRequestURI().getQuery();
                if (!("Bearer " + TOKEN).equals(authorization)) {
                    answer(exchange, 401, "{\"message\": \"bad token\"}");
                } else if (query.equals("base=USD")) {
                    answer(exchange, 200, "{\"base\": \"USD\", \"rates\": {\"EUR\": 0.9215, \"CZK\": 23.1234567}}");
                } else if (query.equals("base=XYZ")) {
                    answer(exchange, 404, "{\"message\": \"Unknown currency XYZ\"}");
                } else {
                    answer(exchange, 503, "{\"error\": \"maintenance\"}");
                }
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Path tokenFile() {
        try {
            Path file = Files.createTempFile("exchange-rates-token", ".txt");
            file.toFile().deleteOnExit();
            return Files.writeString(file, TOKEN + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every log event of the server and the functions, at every level, while this class runs. */
    private static ListAppender<ILoggingEvent> capturedLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        context.getLogger(ExchangeRatesFunctions.class).setLevel(ch.qos.logback.classic.Level.DEBUG);
        return appender;
    }

    @AfterAll
    static void stopService() {
        RATES.stop(0);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(LOGS);
        context.getLogger(ExchangeRatesFunctions.class).setLevel(null);
    }

    @Test
    void ratesComeFromTheServiceWithTheTokenFromTheFile() {
        List<ExchangeRate> rates = server.call("ExchangeRates", Map.of("base", "USD"), ExchangeRate.class);
        assertEquals(List.of(new ExchangeRate("USD", "EUR", new BigDecimal("0.921500")),
                new ExchangeRate("USD", "CZK", new BigDecimal("23.123457"))), rates);
        assertEquals("Bearer " + TOKEN, AUTHORIZATIONS.get(AUTHORIZATIONS.size() - 1));
    }

    @Test
    void aClientErrorOfTheServiceIsABadArgumentWithItsMessage() {
        assertFails(ErrorCode.BAD_ARGUMENT, "/v1/rates answered HTTP 404: Unknown currency XYZ",
                () -> server.call("ExchangeRates", Map.of("base", "XYZ")));
    }

    @Test
    void aServerErrorOfTheServiceIsCommandFailedThatMayBeRetried() {
        assertFails(RETRY_ANYWHERE_COMMAND_FAILED, "answered HTTP 503: maintenance",
                () -> server.call("ExchangeRates", Map.of("base", "ERR")));
    }

    @Test
    void aBadParameterNeverReachesTheService() {
        int before = AUTHORIZATIONS.size();
        assertFails(ErrorCode.BAD_ARGUMENT, "'base' must be a currency code",
                () -> server.call("ExchangeRates", Map.of("base", "usd&x=1")));
        assertEquals(before, AUTHORIZATIONS.size());
    }

    @Test
    void theTokenIsNeverLogged() {
        server.call("ExchangeRates", Map.of("base", "USD"));
        assertFails(RETRY_ANYWHERE_COMMAND_FAILED, "503", () -> server.call("ExchangeRates", Map.of("base", "ERR")));
        List<ILoggingEvent> events = List.copyOf(LOGS.list);
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().contains("/v1/rates answered HTTP 200")),
                "the call was logged (at DEBUG)");
        for (ILoggingEvent event : events) {
            String everything = event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + " " + Optional.ofNullable(event.getThrowableProxy()).map(t -> t.getMessage()).orElse("");
            assertFalse(everything.contains(TOKEN), "a log line holds the token: " + everything);
        }
    }
}
