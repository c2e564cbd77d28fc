package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** What an {@code @OnLoad} hook receives: the server's settings and its health monitor. */
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
}
