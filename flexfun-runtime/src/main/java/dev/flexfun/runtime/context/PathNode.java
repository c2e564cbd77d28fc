package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flexfun.runtime.BadArgumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A JSON node together with its path from {@code parameters}, so every parse error can name the
 * exact field the caller must fix. JSON {@code null} counts as absent everywhere: GoodData sends
 * {@code "sorting": null} for "no sorting".
 */
final class PathNode {
    private final JsonNode node;
    private final String path;

    PathNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    JsonNode json() {
        return node;
    }

    String path() {
        return path;
    }

    /** Fails unless this node is a JSON object. */
    PathNode requireObject() {
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        return this;
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    Optional<PathNode> optional(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(new PathNode(child, path + "." + name));
    }

    PathNode required(String name) {
        return optional(name).orElseThrow(() -> new BadArgumentException(path + "." + name + " is required but "
                + (node.has(name) ? "is null." : "is missing.")));
    }

    Optional<PathNode> optionalObject(String name) {
        return optional(name).map(PathNode::requireObject);
    }

    PathNode requiredObject(String name) {
        return required(name).requireObject();
    }

    String requiredText(String name) {
        return required(name).text();
    }

    Optional<String> optionalText(String name) {
        return optional(name).map(PathNode::text);
    }

    String text() {
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        return node.textValue();
    }

    int requiredInt(String name) {
        return required(name).intValue();
    }

    OptionalInt optionalInt(String name) {
        Optional<PathNode> child = optional(name);
        return child.isPresent() ? OptionalInt.of(child.get().intValue()) : OptionalInt.empty();
    }

    int intValue() {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(path, "an integer", node);
        }
        return node.intValue();
    }

    boolean optionalBoolean(String name, boolean defaultValue) {
        return optional(name).map(PathNode::booleanValue).orElse(defaultValue);
    }

    boolean booleanValue() {
        if (!node.isBoolean()) {
            throw wrongType(path, "a boolean", node);
        }
        return node.booleanValue();
    }

    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        return required(name).enumValue(type);
    }

    <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
        return optional(name).map(n -> n.enumValue(type));
    }

    /** Reads an enum constant case-insensitively (the real payloads send {@code "weekStart": "sunday"}). */
    <E extends Enum<E>> E enumValue(Class<E> type) {
        String text = text();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new BadArgumentException(path + " must be one of " + names + " (any case), found \"" + text + "\".");
    }

    /** The elements of an array field; an absent field is an error. */
    List<PathNode> requiredArray(String name) {
        return required(name).elements();
    }

    /** The elements of an array field; an absent field gives an empty list. */
    List<PathNode> optionalArray(String name) {
        return optional(name).map(PathNode::elements).orElse(List.of());
    }

    List<PathNode> elements() {
        if (!node.isArray()) {
            throw wrongType(path, "an array", node);
        }
        List<PathNode> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new PathNode(node.get(i), path + "[" + i + "]"));
        }
        return elements;
    }

    <T> List<T> requiredList(String name, Function<PathNode, T> element) {
        return requiredArray(name).stream().map(element).toList();
    }

    <T> List<T> optionalList(String name, Function<PathNode, T> element) {
        return optionalArray(name).stream().map(element).toList();
    }

    /** An array of strings where {@code null} elements are allowed (they stand for the "empty" element). */
    List<String> nullableStrings() {
        List<String> values = new ArrayList<>();
        for (PathNode element : elements()) {
            values.add(element.json().isNull() ? null : element.text());
        }
        return Collections.unmodifiableList(values);
    }

    static BadArgumentException wrongType(String path, String expected, JsonNode found) {
        return new BadArgumentException(path + " must be " + expected + ", found " + describe(found) + ".");
    }

    private static String describe(JsonNode found) {
        String kind = found.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = found.toString();
        return text.length() > 40 ? kind : kind + " " + text;
    }
}
