package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test payloads: the two real GoodData samples and small hand-written contexts. */
final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    static ObjectNode sample(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/execution-context/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode report() {
        return sample("report-execution-context.json");
    }

    static ObjectNode labelElements() {
        return sample("label-elements-execution-context.json");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid REPORT context with these filters (a JSON array). */
    static ObjectNode reportWithFilters(String filtersJson) {
        ObjectNode context = minimalReport();
        context.set("filters", json(filtersJson));
        return context;
    }

    /** A minimal valid REPORT context: only the required fields. */
    static ObjectNode minimalReport() {
        return (ObjectNode) json("""
                {"executionType": "REPORT", "organizationId": "org", "workspaceId": "ws", "userId": "u",
                 "attributes": [], "filters": [], "reportExecutionRequest": {}}
                """);
    }

    /** Parses a context with one filter and returns that filter. */
    static Filter onlyFilter(String filterJson) {
        return ExecutionContext.parse(reportWithFilters("[" + filterJson + "]")).filters().get(0);
    }
}
