package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.examples.ExchangeRatesFunctions.RatesSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section {@code [exchange_rates]}: what is read, and that the token only comes from the environment or a file. */
class ExchangeRatesSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode section(String json) throws IOException {
        return JSON.readTree(json);
    }

    @Test
    void noBaseUrlMeansNotConfigured() throws IOException {
        assertTrue(RatesSettings.read(section("{}"), Map.of()).isEmpty());
    }

    @Test
    void theEnvironmentWinsOverTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");
        String json = "{\"base_url\": \"https://rates.example.com/v1\", \"token_file\": \"" + file + "\", \"timeout_ms\": 2500}";
        RatesSettings fromFile = RatesSettings.read(section(json), Map.of()).orElseThrow();
        assertEquals("from-file", fromFile.token().orElseThrow().value());
        assertEquals("https://rates.example.com/v1/", fromFile.baseUrl().toString());
        assertEquals(Duration.ofMillis(2500), fromFile.timeout());
        RatesSettings fromEnv = RatesSettings.read(section(json),
                Map.of(ExchangeRatesFunctions.TOKEN_ENV, "from-env")).orElseThrow();
        assertEquals("from-env", fromEnv.token().orElseThrow().value());
        assertFalse(fromEnv.toString().contains("from-env"), "printing the settings hides the token: " + fromEnv);
    }

    @Test
    void aTokenInTheSettingsFilesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RatesSettings.read(
                section("{\"base_url\": \"https://x\", \"token\": \"abc123\"}"), Map.of()));
        assertEquals("Do not put exchange_rates.token in the settings files: set the environment variable "
                + "EXCHANGE_RATES_TOKEN or name a file with exchange_rates.token_file.", e.getMessage());
    }

    @Test
    void anUnreadableTokenFileIsNamedButNothingElse(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RatesSettings.read(
                section("{\"base_url\": \"https://x\", \"token_file\": \"" + missing + "\"}"), Map.of()));
        assertEquals("Cannot read the secret file " + missing + ": NoSuchFileException.", e.getMessage());
    }

    @Test
    void onlyHttpUrls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RatesSettings.read(
                section("{\"base_url\": \"file:///etc/passwd\"}"), Map.of()));
        assertTrue(e.getMessage().startsWith("Setting exchange_rates.base_url must be an http(s) URL"), e.getMessage());
    }
}
