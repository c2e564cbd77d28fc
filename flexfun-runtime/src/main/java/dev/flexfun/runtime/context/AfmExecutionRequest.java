package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The full AFM (attributes, filters, measures) of a report execution: {@code reportExecutionRequest},
 * and the older {@code executionRequest} GoodData still sends. The schema leaves it free-form, so
 * only the attributes are typed (they carry {@code showAllValues}); filters and measures are handed
 * out as JSON. Prefer {@link ExecutionContext#filters()}: the same filters, already simplified.
 *
 * @param attributes the AFM's attributes, empty when absent
 */
public record AfmExecutionRequest(List<AfmAttribute> attributes, JsonNode raw) {

    /**
     * Copies the attributes and the JSON.
     *
     * @param attributes the AFM's attributes, empty when absent
     * @param raw the whole AFM JSON, a private copy
     */
    public AfmExecutionRequest {
        attributes = List.copyOf(attributes);
        raw = raw.deepCopy();
    }

    /** An AFM attribute: the label it reads and whether elements without data are shown too. */
    public record AfmAttribute(String localIdentifier, ObjectIdentifier label, boolean showAllValues) {
        /**
         * Checks that the identifiers are present.
         *
         * @param localIdentifier the attribute's id inside the AFM
         * @param label the label the attribute reads
         * @param showAllValues whether elements without data are shown too
         */
        public AfmAttribute {
            Objects.requireNonNull(localIdentifier, "localIdentifier");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A reference to a workspace object, e.g. {@code {"id": "attribute1", "type": "label"}}. */
    public record ObjectIdentifier(String id, String type) {
        /**
         * Checks that both parts are present.
         *
         * @param id the object's id
         * @param type the object's type, e.g. {@code label}
         */
        public ObjectIdentifier {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@return a copy of the whole AFM JSON} */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * {@return copies of the AFM's filters in their AFM form} For example {@code
     * {"negativeAttributeFilter": {...}}}.
     */
    public List<JsonNode> filters() {
        return copies("filters");
    }

    /** {@return copies of the AFM's measures} */
    public List<JsonNode> measures() {
        return copies("measures");
    }

    /** {@return copies of the AFM's auxiliary measures} */
    public List<JsonNode> auxMeasures() {
        return copies("auxMeasures");
    }

    private List<JsonNode> copies(String field) {
        JsonNode array = raw.get(field);
        List<JsonNode> copies = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> copies.add(element.deepCopy()));
        }
        return List.copyOf(copies);
    }

    static AfmExecutionRequest parse(PathNode json) {
        json.requireObject();
        // Fail early on a malformed AFM, with the path, rather than when a function reads it.
        json.optionalArray("filters");
        json.optionalArray("measures");
        json.optionalArray("auxMeasures");
        return new AfmExecutionRequest(json.optionalList("attributes", AfmExecutionRequest::attribute), json.json());
    }

    private static AfmAttribute attribute(PathNode json) {
        json.requireObject();
        PathNode identifier = json.requiredObject("label").requiredObject("identifier");
        return new AfmAttribute(
                json.requiredText("localIdentifier"),
                new ObjectIdentifier(identifier.requiredText("id"), identifier.requiredText("type")),
                json.optionalBoolean("showAllValues", false));
    }
}
