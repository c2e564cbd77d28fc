package dev.flexfun.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.stream.Collectors;

/** Java values as TOML value text, for {@code Settings.with}. */
final class TomlValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TomlValues() {
    }

    static String of(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof String s) {
            // A JSON string literal is a valid TOML basic string (same quotes and escapes).
            try {
                return JSON.writeValueAsString(s);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(TomlValues::of).collect(Collectors.joining(", ", "[", "]"));
        }
        throw new IllegalArgumentException("A setting is a string, number, boolean or list of them; was: " + value);
    }
}
