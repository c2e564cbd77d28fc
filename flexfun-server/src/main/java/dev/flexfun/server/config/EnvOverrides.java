package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings from environment variables {@code GOODDATA_FLIGHT_<SECTION>__<KEY>}; they win over files.
 * A value is read as a TOML value (so {@code 17001}, {@code true}, {@code ["a","b"]} keep their types);
 * anything that is not one (e.g. {@code 127.0.0.1}) is a plain string.
 */
public final class EnvOverrides {
    public static final String PREFIX = "GOODDATA_FLIGHT_";
    private static final TomlMapper TOML = new TomlMapper();

    private EnvOverrides() {
    }

    public static String envName(String section, String key) {
        return PREFIX + section.toUpperCase(Locale.ROOT) + "__" + key.toUpperCase(Locale.ROOT);
    }

    /**
     * Writes the overrides found in {@code env} into {@code tree} (section and key names in lower case,
     * alias sections such as {@code FLEXCONNECT} into their section).
     */
    static void apply(Map<String, String> env, ObjectNode tree) {
        Map<String, String> setBy = new java.util.HashMap<>(); // section.key -> the variable that set it
        // Sorted so that the outcome does not depend on the map's iteration order.
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String rest = name.substring(PREFIX.length());
            int split = rest.indexOf("__");
            if (split <= 0 || split + 2 >= rest.length()) {
                continue; // not of the SECTION__KEY form; not ours to judge
            }
            String section = SectionAliases.canonical(rest.substring(0, split).toLowerCase(Locale.ROOT));
            String key = rest.substring(split + 2).toLowerCase(Locale.ROOT);
            String earlier = setBy.putIfAbsent(section + "." + key, name);
            if (earlier != null && !env.get(earlier).trim().equals(e.getValue().trim())) {
                throw new ConfigException("Environment variables " + earlier + " and " + name + " both set "
                        + section + "." + key + ", to different values; they are the same setting here. Keep one.");
            }
            JsonNode existing = tree.get(section);
            ObjectNode sectionNode = existing instanceof ObjectNode o ? o : tree.putObject(section);
            sectionNode.set(key, parseValue(e.getValue()));
        }
    }

    static JsonNode parseValue(String raw) {
        String trimmed = raw.trim();
        try {
            JsonNode parsed = TOML.readTree("v = " + trimmed).get("v");
            if (parsed != null) {
                return parsed;
            }
        } catch (java.io.IOException | RuntimeException notToml) {
            // not a TOML value: a plain string
        }
        return JsonNodeFactory.instance.textNode(raw);
    }
}
