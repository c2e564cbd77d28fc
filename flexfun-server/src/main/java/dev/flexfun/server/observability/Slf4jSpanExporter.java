package dev.flexfun.server.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * {@code otel_exporter_type = "console"}: one INFO line per ended span ({@value #EVENT}) on the
 * logger {@code dev.flexfun.server.spans}, through SLF4J, so spans take the server's log format
 * (console or JSON lines) instead of the SDK's java.util.logging exporter.
 */
final class Slf4jSpanExporter implements SpanExporter {
    static final String EVENT = "span";
    static final String LOGGER = "dev.flexfun.server.spans";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            LoggingEventBuilder line = LOG.atInfo()
                    .addKeyValue("span_name", span.getName())
                    .addKeyValue("trace_id", span.getTraceId())
                    .addKeyValue("span_id", span.getSpanId());
            if (span.getParentSpanContext().isValid()) {
                line.addKeyValue("parent_span_id", span.getParentSpanId());
            }
            line.addKeyValue("kind", span.getKind().name())
                    .addKeyValue("duration_us", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000)
                    .addKeyValue("status", span.getStatus().getStatusCode().name());
            span.getAttributes().forEach((key, value) -> line.addKeyValue(key.getKey(), value));
            line.log(EVENT);
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
