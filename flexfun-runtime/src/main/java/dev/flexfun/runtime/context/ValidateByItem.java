package dev.flexfun.runtime.context;

import java.util.Objects;

/** An item the returned label elements must be valid by, i.e. have data for ({@code validateBy}). */
public record ValidateByItem(String id, Type type) {

    /**
     * Checks that both parts are present.
     *
     * @param id the item's id
     * @param type the item's kind
     */
    public ValidateByItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** The kind of item, sent in lower case ({@code "fact"}). */
    public enum Type {
        /** A label. */
        LABEL,
        /** An attribute. */
        ATTRIBUTE,
        /** A fact. */
        FACT,
        /** A metric. */
        METRIC
    }

    static ValidateByItem parse(PathNode json) {
        json.requireObject();
        return new ValidateByItem(json.requiredText("id"), json.requiredEnum("type", Type.class));
    }
}
