package dev.flexfun.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.HealthMonitor;
import dev.flexfun.runtime.ServerContext;

/** A ServerContext over settings given as JSON text. */
record TestServerContext(JsonNode settings) implements ServerContext {
    static TestServerContext of(String json) {
        try {
            return new TestServerContext(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public HealthMonitor health() {
        throw new UnsupportedOperationException("not needed here");
    }
}
