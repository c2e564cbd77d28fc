package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code @OnLoad} and {@code @OnShutdown} hooks receive: the server's settings, its health
 * monitor, and allocators for Arrow data functions keep between calls.
 */
public interface ServerContext {

    /** {@return all settings as one tree, section by section (custom sections included), after env overrides} */
    JsonNode settings();

    /**
     * {@return one section of the settings, or an empty object when absent}
     *
     * @param name the section's name, e.g. {@code "sales"} for {@code [sales]}
     */
    default JsonNode section(String name) {
        JsonNode section = settings().get(name);
        return section == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : section;
    }

    /**
     * {@return the health monitor} Through it a module reports itself unhealthy (the {@code /live}
     * check) and healthy again.
     */
    HealthMonitor health();

    /**
     * A new allocator for Arrow data a function keeps between calls (e.g. {@link SharedBatches}): a
     * child of the server's root allocator, so results can send its buffers without copying them.
     * Its memory belongs to the function, not to any call, and is not reported as a leak of the
     * server; close it in an {@code @OnShutdown} hook (a server stopping with it still open logs it).
     *
     * @param name names the allocator in logs and memory reports
     * @return a new child allocator of the server's root allocator, which the function closes
     * @throws UnsupportedOperationException when this context has no Arrow memory (the default)
     */
    default org.apache.arrow.memory.BufferAllocator newAllocator(String name) {
        throw new UnsupportedOperationException("This ServerContext has no Arrow memory; in a unit test, give the"
                + " function a RootAllocator of the test's own.");
    }
}
