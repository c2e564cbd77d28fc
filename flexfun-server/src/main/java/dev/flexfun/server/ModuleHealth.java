package dev.flexfun.server;

import dev.flexfun.runtime.HealthMonitor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The server's {@link HealthMonitor}: live while no module says it is unhealthy. */
public final class ModuleHealth implements HealthMonitor {
    private final Map<String, Boolean> modules = new ConcurrentHashMap<>();

    @Override
    public void setHealthy(String module, boolean healthy) {
        modules.put(module, healthy);
    }

    @Override
    public boolean isHealthy() {
        return !modules.containsValue(Boolean.FALSE);
    }

    /** Modules currently reporting themselves unhealthy. */
    public java.util.Set<String> unhealthyModules() {
        java.util.Set<String> unhealthy = new java.util.TreeSet<>();
        modules.forEach((m, ok) -> {
            if (!ok) {
                unhealthy.add(m);
            }
        });
        return unhealthy;
    }
}
