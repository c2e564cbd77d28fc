package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** What an {@code @OnLoad} hook receives: the server's settings and its health monitor. */
public interface ServerContext {

    /** All settings as one tree, section by section (custom sections included), after env overrides. */
    JsonNode settings();

    /** One section of the settings, or an empty object when absent. */
    default JsonNode section(String name) {
        JsonNode section = settings().get(name);
        return section == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : section;
    }

    /** Lets a module report itself unhealthy (the {@code /live} check) and healthy again. */
    HealthMonitor health();
}
