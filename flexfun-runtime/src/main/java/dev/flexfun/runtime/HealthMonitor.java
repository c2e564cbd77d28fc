package dev.flexfun.runtime;

/** Health of the server's modules, as {@code /live} reports it: live while every module is healthy. */
public interface HealthMonitor {

    /**
     * Marks {@code module} healthy or not; a module never marked counts as healthy.
     *
     * @param module a name for the part that reports, e.g. {@code "sales-database"}
     * @param healthy whether it works
     */
    void setHealthy(String module, boolean healthy);

    /** {@return whether every module is healthy} */
    boolean isHealthy();
}
