package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values of one settings section, failing with a {@link ConfigException} that names the
 * key, the value and what is allowed. Writes the effective value (default included) back into the
 * section, so that on-load hooks see what the server uses.
 */
final class SectionReader {
    private static final Set<String> TRUE_SPELLINGS = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE_SPELLINGS = Set.of("false", "False", "FALSE");

    private final String section;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();

    SectionReader(String section, ObjectNode node) {
        this.section = section;
        this.node = node;
    }

    int integer(String key, int defaultValue, int min, int max) {
        JsonNode value = value(key);
        if (value == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ConfigException.invalid(section, key, value, "must be an integer from " + min + " to " + max);
        }
        return value.asInt();
    }

    /** A positive number (fractions allowed, e.g. for short test TTLs), scaled to milliseconds. */
    long positiveMillis(String key, double defaultValue, double unitMillis, String unitName) {
        JsonNode value = value(key);
        if (value == null) {
            node.put(key, defaultValue == Math.rint(defaultValue) ? JsonNodeFactory.instance.numberNode((long) defaultValue)
                    : JsonNodeFactory.instance.numberNode(defaultValue));
            return Math.round(defaultValue * unitMillis);
        }
        if (!value.isNumber() || value.asDouble() <= 0 || Math.round(value.asDouble() * unitMillis) < 1) {
            throw ConfigException.invalid(section, key, value, "must be a positive number of " + unitName);
        }
        return Math.round(value.asDouble() * unitMillis);
    }

    boolean bool(String key, boolean defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            node.put(key, defaultValue);
            return defaultValue;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        // The reference's settings library also reads these spellings (GoodData's own suite sets USE_TLS=TRUE).
        String text = value.isTextual() ? value.asText().trim() : "";
        boolean parsed;
        if (TRUE_SPELLINGS.contains(text)) {
            parsed = true;
        } else if (FALSE_SPELLINGS.contains(text)) {
            parsed = false;
        } else {
            throw ConfigException.invalid(section, key, value, "must be true or false (True, TRUE, False, FALSE too)");
        }
        node.put(key, parsed);
        return parsed;
    }

    String string(String key, String defaultValue) {
        return optionalString(key).orElseGet(() -> {
            node.put(key, defaultValue);
            return defaultValue;
        });
    }

    /** A non-empty string, or empty when absent (or given as an empty string, meaning "off"). */
    Optional<String> optionalString(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isNull()) {
            throw ConfigException.invalid(section, key, value, "must be a string");
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    String choice(String key, String defaultValue, List<String> allowed) {
        String value = string(key, defaultValue).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw ConfigException.invalid(section, key, node.get(key), "must be one of " + String.join(", ", allowed));
        }
        node.put(key, value);
        return value;
    }

    List<String> stringList(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ConfigException.invalid(section, key, value, "must be an array of strings, e.g. [\"a\", \"b\"]");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw ConfigException.invalid(section, key, value, "must be an array of non-empty strings");
            }
            items.add(item.asText());
        }
        return List.copyOf(items);
    }

    /** Whether the section has {@code key}; marks it as known (its absence or presence is handled). */
    boolean has(String key) {
        return value(key) != null;
    }

    /** Keys present in the section that no reader asked for (likely typos; reported as warnings). */
    List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                unknown.add(section + "." + k);
            }
        });
        return unknown;
    }

    ConfigException invalid(String key, String allowed) {
        return ConfigException.invalid(section, key, node.get(key), allowed);
    }

    private JsonNode value(String key) {
        known.add(key);
        return node.get(key);
    }
}
