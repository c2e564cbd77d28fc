package dev.flexfun.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings the Python reference reads that this server does not use. A configuration written for the
 * reference still starts; each such setting gets one start-up line saying why it has no effect and
 * what to use instead (docs/protocol.md, "Settings").
 *
 * <p>Warnings, not errors: none of them changes what a client receives, so refusing to start would
 * only make a migration harder. Settings that <em>do</em> change what clients get and cannot be
 * honoured here (an {@code otel_exporter_type} of {@code zipkin}, a {@code token_verification} this
 * server cannot find) stop the start-up instead, by the rules of the settings that read them.
 */
final class ReferenceOnlySettings {
    private static final Map<String, String> SERVER = new LinkedHashMap<>();

    static {
        SERVER.put("malloc_trim_interval_sec", "the JVM frees Arrow memory when results close; there is no C"
                + " allocator to trim");
        SERVER.put("log_trace_keys", "span log lines name the ids trace_id, span_id and parent_span_id;"
                + " those names are fixed here");
        SERVER.put("otel_service_name", "set the environment variable OTEL_SERVICE_NAME instead");
        SERVER.put("otel_service_namespace", "set OTEL_RESOURCE_ATTRIBUTES=service.namespace=<value> instead");
        SERVER.put("otel_service_instance_id", "set OTEL_RESOURCE_ATTRIBUTES=service.instance.id=<value> instead");
    }

    private ReferenceOnlySettings() {
    }

    /** One line for each reference-only setting present in {@code server} or {@code flexfun}. */
    static List<String> report(SectionReader server, SectionReader flexfun) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> setting : SERVER.entrySet()) {
            if (server.has(setting.getKey())) {
                lines.add("Setting server." + setting.getKey() + " is not supported here and is ignored: "
                        + setting.getValue() + ".");
            }
        }
        if (flexfun.has("functions")) {
            lines.add("Setting functions of [flexconnect] (the reference's list of Python modules) is ignored: this"
                    + " server serves the functions of the generated registries on its class path, listed below.");
        }
        return lines;
    }
}
