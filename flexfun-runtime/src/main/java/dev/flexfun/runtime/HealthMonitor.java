package dev.flexfun.runtime;

/** Health of the server's modules, as {@code /live} reports it: live while every module is healthy. */
public interface HealthMonitor {

    /** Marks {@code module} healthy or not; a module never marked counts as healthy. */
    void setHealthy(String module, boolean healthy);

    /** Whether every module is healthy. */
    boolean isHealthy();
}
