package dev.flexfun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command line's failures (a clean start and SIGTERM stop are checked by .ci/pyarrow-check.sh). */
class MainTest {

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, Main.run(new String[] {"--bogus"}));
    }

    @Test
    void aMissingSettingsFileStopsStartup() {
        assertEquals(1, Main.run(new String[] {"/nonexistent/flexfun.toml"}));
    }
}
