package dev.flexfun.server.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per log event, on one line, shaped like the Python reference's structlog output:
 * <pre>{"timestamp":"2026-01-01T10:00:00.123Z","level":"info","logger":"...","thread":"...",
 * "event":"call_completed","peer":"...","function":"...","duration_ms":12,...}</pre>
 * The message goes under {@link #setEventKey event key} ({@code log_event_key_name}, default
 * {@code event}); then the MDC entries, then the event's SLF4J key-value pairs (numbers and
 * booleans stay JSON numbers and booleans), then {@code exception} with the stack trace.
 *
 * <p>Why not logback's {@code JsonEncoder}: it has fixed key names, nests the MDC and the
 * key-value pairs, and so cannot put the event name under a configurable top-level key.
 */
public class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    /** The default of {@code log_event_key_name}. */
    public static final String DEFAULT_EVENT_KEY = "event";

    private static final JsonFactory JSON = new JsonFactory();

    private volatile String eventKey = DEFAULT_EVENT_KEY;

    /** The key the message goes under; logback sets it from {@code <eventKey>} in logback.xml. */
    public void setEventKey(String eventKey) {
        if (eventKey != null && !eventKey.isBlank()) {
            this.eventKey = eventKey.strip();
        }
    }

    public String getEventKey() {
        return eventKey;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString().toLowerCase(Locale.ROOT));
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField(eventKey, event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> e : mdc.entrySet()) {
                    json.writeStringField(e.getKey(), e.getValue());
                }
            }
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair kv : event.getKeyValuePairs()) {
                    json.writeFieldName(kv.key);
                    writeValue(json, kv.value);
                }
            }
            if (event.getThrowableProxy() != null) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }
}
