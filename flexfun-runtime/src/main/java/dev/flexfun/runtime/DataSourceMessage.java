package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A message a function attaches to its result for GoodData to show (the
 * {@code x-gdc-data-source-messages} schema metadata).
 *
 * @param source        who reports it, e.g. the function's name
 * @param correlationId an id that ties the message to a log line or a request
 * @param type          the message's kind, e.g. "warning"
 * @param data          any JSON value, or {@code null}
 */
public record DataSourceMessage(String source, String correlationId, String type, JsonNode data) {
    /**
     * Checks that {@code source}, {@code correlationId} and {@code type} are present.
     *
     * @param source who reports it, e.g. the function's name
     * @param correlationId an id that ties the message to a log line or a request
     * @param type the message's kind, e.g. "warning"
     * @param data any JSON value, or {@code null}
     */
    public DataSourceMessage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(type, "type");
    }
}
