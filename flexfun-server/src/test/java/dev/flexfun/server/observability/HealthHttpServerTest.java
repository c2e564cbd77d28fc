package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexfun.runtime.HealthMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health transitions as seen over HTTP: starting, ready, a module unhealthy and back, shutting down. */
class HealthHttpServerTest {
    private final ServerHealth health = new ServerHealth();
    private HealthHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HealthHttpServer.start("127.0.0.1", 0, health);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int status(String path) throws Exception {
        return Http.get(server.port(), path).statusCode();
    }

    @Test
    void readyFollowsTheLifeCycle() throws Exception {
        assertEquals(500, status("/ready"), "starting");
        assertEquals(202, status("/live"), "no module unhealthy while starting");

        health.markReady();
        assertEquals(202, status("/ready"));

        health.markShuttingDown();
        assertEquals(500, status("/ready"));
        health.markReady();
        assertEquals(500, status("/ready"), "shutting down is final");
    }

    @Test
    void liveFollowsModuleHealth() throws Exception {
        health.markReady();
        HealthMonitor monitor = health; // what an on-load hook receives
        monitor.setHealthy("warehouse", false);
        monitor.setHealthy("cache", false);
        assertEquals(500, status("/live"));
        assertEquals("unhealthy modules: cache, warehouse\n", Http.get(server.port(), "/live").body());
        assertEquals(202, status("/ready"), "readiness does not depend on module health");

        monitor.setHealthy("warehouse", true);
        assertEquals(500, status("/live"), "cache is still unhealthy");
        monitor.setHealthy("cache", true);
        assertEquals(202, status("/live"));
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertEquals(404, status("/readyz"));
        assertEquals(404, status("/live/x"));
    }
}
