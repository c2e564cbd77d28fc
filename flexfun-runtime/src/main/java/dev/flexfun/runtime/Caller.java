package dev.flexfun.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who made a call, as the server's token verifier established it: an id (e.g. a user or tenant
 * name, never the token itself) and attributes the verifier chose to share with functions.
 */
public record Caller(String id, Map<String, String> attributes) {

    /**
     * Checks the id and copies the attributes.
     *
     * @param id who called, e.g. a user or tenant name, never the token itself
     * @param attributes what the verifier chose to share with functions
     */
    public Caller {
        Objects.requireNonNull(id, "id");
        attributes = Map.copyOf(attributes);
    }

    /**
     * {@return a caller with no attributes}
     *
     * @param id who called
     */
    public static Caller of(String id) {
        return new Caller(id, Map.of());
    }

    /**
     * {@return one attribute, if the verifier set it}
     *
     * @param name the attribute's name
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
