package dev.flexfun.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code @Param} values out of a call's {@code parameters} for generated adapters: one
 * static method per target type, so the generated code binds without reflection (only
 * {@link #object} hands a value to Jackson, which maps records by reflection).
 *
 * <p>Every method returns {@code null} when the parameter is absent or JSON {@code null} and
 * {@code required} is false; when it is true, that is a {@link BadArgumentException}. A value of
 * the wrong type is always one, naming the parameter and its path, e.g.
 * {@code Parameter 'region' (parameters.region) must be a string, found number 3.}
 */
public final class ParameterBinder {
    /**
     * Maps record-typed parameters: java.time values as ISO strings, {@code Optional} components
     * empty when absent, unknown properties ignored (callers may send more than a function reads).
     */
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ParameterBinder() {
    }

    /**
     * Reads a JSON string.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static String string(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(name, "a string", node);
        }
        return node.textValue();
    }

    /**
     * Reads a JSON string of exactly one character.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Character character(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.textValue().length() != 1) {
            throw wrongType(name, "a string of one character", node);
        }
        return node.textValue().charAt(0);
    }

    /**
     * Reads a JSON boolean.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Boolean bool(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(name, "a boolean (true or false)", node);
        }
        return node.booleanValue();
    }

    /**
     * Reads a JSON integer that fits a {@code byte}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Byte byteValue(JsonNode parameters, String name, boolean required) {
        Long value = integral(parameters, name, required, Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte");
        return value == null ? null : value.byteValue();
    }

    /**
     * Reads a JSON integer that fits a {@code short}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Short shortValue(JsonNode parameters, String name, boolean required) {
        Long value = integral(parameters, name, required, Short.MIN_VALUE, Short.MAX_VALUE, "a short");
        return value == null ? null : value.shortValue();
    }

    /**
     * Reads a JSON integer that fits an {@code int}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Integer intValue(JsonNode parameters, String name, boolean required) {
        Long value = integral(parameters, name, required, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
        return value == null ? null : value.intValue();
    }

    /**
     * Reads a JSON integer that fits a {@code long}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Long longValue(JsonNode parameters, String name, boolean required) {
        return integral(parameters, name, required, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
    }

    /**
     * Reads a JSON number as a {@code float}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Float floatValue(JsonNode parameters, String name, boolean required) {
        JsonNode node = number(parameters, name, required);
        return node == null ? null : node.floatValue();
    }

    /**
     * Reads a JSON number as a {@code double}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Double doubleValue(JsonNode parameters, String name, boolean required) {
        JsonNode node = number(parameters, name, required);
        return node == null ? null : node.doubleValue();
    }

    /**
     * Reads a JSON number, or a string holding one; both exact ({@code 12.50} and {@code "12.50"}
     * keep
     * their scale), as calls are read with {@link ParametersJson}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static BigDecimal decimal(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw wrongType(name, "a decimal number (a JSON number or a string like \"12.50\")", node);
    }

    /**
     * Reads an ISO date string, {@code "2024-09-12"}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static LocalDate date(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw wrongType(name, "an ISO date string like \"2024-09-12\"", node);
    }

    /**
     * Reads an ISO instant with an offset, {@code "2024-09-12T12:51:26Z"} or
     * {@code "2024-09-12T12:51:26+02:00"}.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static Instant instant(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            try {
                return Instant.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw wrongType(name, "an ISO instant string like \"2024-09-12T12:51:26Z\"", node);
    }

    /**
     * Reads an enum constant by name; a name in another case is accepted when it matches exactly
     * one
     * constant.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @param constants the enum's constants ({@code values()})
     * @param <E> the enum type
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static <E extends Enum<E>> E enumValue(JsonNode parameters, String name, boolean required, E[] constants) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        List<String> names = new ArrayList<>(constants.length);
        for (E constant : constants) {
            names.add(constant.name());
        }
        if (node.isTextual()) {
            String text = node.textValue();
            E match = null;
            int caseInsensitiveMatches = 0;
            for (E constant : constants) {
                if (constant.name().equals(text)) {
                    return constant;
                }
                if (constant.name().equalsIgnoreCase(text)) {
                    match = constant;
                    caseInsensitiveMatches++;
                }
            }
            if (caseInsensitiveMatches == 1) {
                return match;
            }
        }
        throw wrongType(name, "one of " + names, node);
    }

    /**
     * Reads a JSON array of strings (no nulls).
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static List<String> stringList(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(name, "an array of strings", node);
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw new BadArgumentException(describe(name) + " must be an array of strings, but element [" + i
                        + "] is " + found(element) + ".");
            }
            values.add(element.textValue());
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Reads a JSON object mapped onto {@code type} (a record) by Jackson.
     *
     * @param parameters the call's {@code parameters} object
     * @param name the parameter's key under {@code parameters}
     * @param required whether an absent or {@code null} value fails the call
     * @param type the class to map the object onto
     * @param <T> the type
     * @return the value, or {@code null} when it is absent or {@code null} and not required
     * @throws BadArgumentException when a required value is missing or the value has the wrong type
     */
    public static <T> T object(JsonNode parameters, String name, boolean required, Class<T> type) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(name, "an object (" + type.getSimpleName() + ")", node);
        }
        try {
            return RECORDS.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String where = e.getPath().isEmpty() ? "" : " at " + path(name) + pathOf(e.getPath());
            throw new BadArgumentException(describe(name) + " cannot be read as " + type.getSimpleName() + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadArgumentException(describe(name) + " cannot be read as " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    // ---- shared checks ----

    /** The parameter's node; {@code null} when absent or JSON null and not required. */
    private static JsonNode value(JsonNode parameters, String name, boolean required) {
        JsonNode node = parameters == null || !parameters.isObject() ? null : parameters.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new BadArgumentException(describe(name) + " is required but is "
                        + (node == null ? "missing" : "null") + ".");
            }
            return null;
        }
        return node;
    }

    private static JsonNode number(JsonNode parameters, String name, boolean required) {
        JsonNode node = value(parameters, name, required);
        if (node != null && !node.isNumber()) {
            throw wrongType(name, "a number", node);
        }
        return node;
    }

    private static Long integral(JsonNode parameters, String name, boolean required, long min, long max,
            String type) {
        JsonNode node = value(parameters, name, required);
        if (node == null) {
            return null;
        }
        // 3.0 is accepted as 3 (some clients write every number as a double); 3.5 is not.
        boolean whole = node.isIntegralNumber() || (node.isFloatingPointNumber() && node.canConvertToExactIntegral());
        if (!whole || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw wrongType(name, "an integer (" + type + ", " + min + ".." + max + ")", node);
        }
        return node.longValue();
    }

    private static BadArgumentException wrongType(String name, String expected, JsonNode found) {
        return new BadArgumentException(describe(name) + " must be " + expected + ", found " + found(found) + ".");
    }

    private static String describe(String name) {
        return "Parameter '" + name + "' (" + path(name) + ")";
    }

    private static String path(String name) {
        return "parameters." + name;
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String found(JsonNode node) {
        String kind = node.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = node.toString();
        return text.length() > 40 ? kind : kind + " " + text;
    }
}
