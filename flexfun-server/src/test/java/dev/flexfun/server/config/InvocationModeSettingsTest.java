package dev.flexfun.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code invocation_mode}, {@code ticket_keys} and {@code ticket_ttl_sec}: defaults, env overrides, refusals. */
@Timeout(10)
class InvocationModeSettingsTest {
    private static final String KEY = "k".repeat(FlexFunSettings.MIN_TICKET_KEY_BYTES);

    @Test
    void eagerIsTheDefaultAndNeedsNoKey() {
        FlexFunSettings f = Settings.defaults().flexfun();
        assertEquals("eager", f.invocationMode());
        assertFalse(f.deferred());
        assertEquals(List.of(), f.ticketKeys());
        assertEquals(Duration.ofMinutes(5), f.ticketTtl());
    }

    @Test
    void deferredModeAndKeysComeFromTheEnvironment() {
        FlexFunSettings f = Settings.fromToml("", Map.of(
                "GOODDATA_FLIGHT_FLEXFUN__INVOCATION_MODE", "deferred",
                "GOODDATA_FLIGHT_FLEXFUN__TICKET_KEYS", "[\"" + KEY + "\", \"" + KEY + "-old\"]",
                "GOODDATA_FLIGHT_FLEXFUN__TICKET_TTL_SEC", "30")).flexfun();
        assertTrue(f.deferred());
        assertEquals(List.of(KEY, KEY + "-old"), f.ticketKeys());
        assertEquals(Duration.ofSeconds(30), f.ticketTtl());
        assertFalse(f.toString().contains(KEY), "settings printed in a log never show the keys: " + f);
    }

    @Test
    void deferredModeWithoutAKeyStopsStartup() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.fromToml("[flexfun]\ninvocation_mode = \"deferred\"\n", Map.of()));
        assertTrue(e.getMessage().startsWith("Invalid setting flexfun.ticket_keys"), e.getMessage());
        assertTrue(e.getMessage().contains("GOODDATA_FLIGHT_FLEXFUN__TICKET_KEYS"), e.getMessage());
        assertTrue(e.getMessage().contains("invocation_mode = \"deferred\" needs at least one key"), e.getMessage());
    }

    @Test
    void aShortKeyStopsStartupWithoutPrintingIt() {
        String shortKey = "s".repeat(FlexFunSettings.MIN_TICKET_KEY_BYTES - 1);
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.fromToml(
                "[flexfun]\ninvocation_mode = \"deferred\"\nticket_keys = [\"" + KEY + "\", \"" + shortKey + "\"]\n",
                Map.of()));
        assertEquals("Invalid setting flexfun.ticket_keys (env GOODDATA_FLIGHT_FLEXFUN__TICKET_KEYS): key 2 of 2 is 31 "
                + "bytes long; each key must have at least 32 bytes (e.g. the output of: openssl rand -base64 48).",
                e.getMessage());
    }

    @Test
    void keyLengthIsCountedInBytes() {
        // 16 two-byte characters: 32 bytes, so accepted.
        String key = "é".repeat(16);
        assertEquals(List.of(key), Settings.fromToml("[flexfun]\ninvocation_mode = \"deferred\"\nticket_keys = [\""
                + key + "\"]\n", Map.of()).flexfun().ticketKeys());
    }

    @Test
    void otherValuesAreRefusedNamingWhatIsAllowed() {
        ConfigException mode = assertThrows(ConfigException.class,
                () -> Settings.fromToml("[flexfun]\ninvocation_mode = \"lazy\"\n", Map.of()));
        assertEquals("Invalid setting flexfun.invocation_mode = \"lazy\" (env GOODDATA_FLIGHT_FLEXFUN__INVOCATION_MODE): "
                + "must be one of eager, deferred.", mode.getMessage());
        ConfigException ttl = assertThrows(ConfigException.class,
                () -> Settings.fromToml("[flexfun]\nticket_ttl_sec = 0\n", Map.of()));
        assertTrue(ttl.getMessage().contains("flexfun.ticket_ttl_sec"), ttl.getMessage());
        ConfigException keys = assertThrows(ConfigException.class,
                () -> Settings.fromToml("[flexfun]\nticket_keys = \"" + KEY + "\"\n", Map.of()));
        assertTrue(keys.getMessage().contains("must be an array of strings"), keys.getMessage());
    }
}
