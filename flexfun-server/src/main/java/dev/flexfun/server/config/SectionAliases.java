package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Other names of our sections: the reference reads its function settings from {@code [flexconnect]}
 * (gooddata-flexconnect), the template era from {@code [flexfun]}. Both mean {@code [flexfun]} here,
 * in files and in environment variables, so a migrated configuration works as it is written.
 */
final class SectionAliases {
    private static final Map<String, String> ALIASES = Map.of("flexconnect", "flexfun");

    private SectionAliases() {
    }

    /** The section a name stands for ({@code flexconnect} gives {@code flexfun}; others are themselves). */
    static String canonical(String section) {
        return ALIASES.getOrDefault(section, section);
    }

    /**
     * Moves the keys of alias sections of one source (a file, a TOML text) into their section. The
     * same key under both names with different values is an error: nobody can tell which was meant.
     */
    static void fold(ObjectNode tree, String origin) {
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            JsonNode aliased = tree.get(alias.getKey());
            if (!(aliased instanceof ObjectNode keys)) {
                continue; // absent, or not a table: validation reports the latter under its own name
            }
            JsonNode existing = tree.get(alias.getValue());
            ObjectNode target = existing instanceof ObjectNode o ? o : tree.putObject(alias.getValue());
            Iterator<Map.Entry<String, JsonNode>> fields = keys.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = target.get(field.getKey());
                if (other != null && !other.equals(field.getValue())) {
                    throw new ConfigException("Settings " + origin + " set " + field.getKey() + " in both ["
                            + alias.getKey() + "] (" + field.getValue() + ") and [" + alias.getValue() + "] (" + other
                            + "); they are the same section here. Keep one of them.");
                }
                target.set(field.getKey(), field.getValue());
            }
            tree.remove(alias.getKey());
        }
    }
}
