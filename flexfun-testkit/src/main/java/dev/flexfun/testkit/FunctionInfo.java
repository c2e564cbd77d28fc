package dev.flexfun.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One function as the server lists it (ListFlights).
 *
 * @param name     the function's name
 * @param metadata the metadata object of its descriptor, or {@code null} when it has none
 * @param schema   its full result schema
 */
public record FunctionInfo(String name, JsonNode metadata, Schema schema) {
}
