package dev.flexfun.server.observability;

import dev.flexfun.runtime.HealthMonitor;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's health, as the health endpoints report it: whether it is ready for calls
 * ({@code /ready}) and whether every module is healthy ({@code /live}).
 *
 * <p>Life cycle: {@link State#STARTING} until {@link #markReady()} (every function loaded and the
 * Flight server accepting calls), then {@link State#READY} until {@link #markShuttingDown()}.
 * Functions' on-load hooks get this object as their {@link HealthMonitor}.
 */
public final class ServerHealth implements HealthMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ServerHealth.class);

    /** Where the server is in its life. */
    public enum State { STARTING, READY, SHUTTING_DOWN }

    private volatile State state = State.STARTING;
    private final java.util.concurrent.CompletableFuture<Void> shutdownBegun = new java.util.concurrent.CompletableFuture<>();
    private final Map<String, Boolean> unhealthy = new ConcurrentHashMap<>();

    /** Starting is over: calls are served. Does nothing once shutting down. */
    public synchronized void markReady() {
        if (state == State.STARTING) {
            state = State.READY;
        }
    }

    /** Shutdown has begun: {@code /ready} answers 500 from now on. */
    public synchronized void markShuttingDown() {
        state = State.SHUTTING_DOWN;
        shutdownBegun.complete(null);
    }

    /** Completes when shutdown begins: for whoever must react to it (and tests that wait for it). */
    public java.util.concurrent.CompletionStage<Void> shutdownBegun() {
        return shutdownBegun.minimalCompletionStage();
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    @Override
    public void setHealthy(String module, boolean healthy) {
        Objects.requireNonNull(module, "module");
        boolean changed = healthy ? unhealthy.remove(module) != null : unhealthy.put(module, Boolean.TRUE) == null;
        if (changed) {
            LOG.atLevel(healthy ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.WARN)
                    .addKeyValue("module", module).log(healthy ? "module_healthy" : "module_unhealthy");
        }
    }

    @Override
    public boolean isHealthy() {
        return unhealthy.isEmpty();
    }

    /** The modules currently marked unhealthy, sorted. */
    public Set<String> unhealthyModules() {
        return new TreeSet<>(unhealthy.keySet());
    }
}
