package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * All settings of a server: the typed sections it uses, and the whole tree (custom sections
 * included, defaults filled in) for on-load hooks.
 *
 * @param enumeratedTokens {@code [enumerated_tokens] tokens}, for the default token verification
 * @param warnings         things worth logging that do not stop startup (e.g. unknown keys)
 * @param resources        the bounds on threads and memory
 */
public record Settings(ServerSettings server, FlexFunSettings flexfun, List<String> enumeratedTokens,
        ObjectNode tree, List<String> warnings, ResourceSettings resources) {

    /** Settings from TOML files (later ones win), then {@code env} overrides. */
    public static Settings load(List<Path> files, Map<String, String> env) {
        return SettingsLoader.load(files, env);
    }

    /** Settings from TOML text, then {@code env} overrides; handy in tests. */
    public static Settings fromToml(String toml, Map<String, String> env) {
        return SettingsLoader.fromToml(toml, env);
    }

    /** The defaults, with no files and no environment. */
    public static Settings defaults() {
        return fromToml("", Map.of());
    }

    /** The settings as they would be with {@code sectionDotKey} set to {@code value} (a TOML value). */
    public Settings with(String sectionDotKey, String value) {
        int dot = sectionDotKey.indexOf('.');
        ObjectNode copy = tree.deepCopy();
        String section = SectionAliases.canonical(sectionDotKey.substring(0, dot));
        ObjectNode sectionNode = copy.get(section) instanceof ObjectNode o ? o : copy.putObject(section);
        sectionNode.set(sectionDotKey.substring(dot + 1), EnvOverrides.parseValue(value));
        return SettingsLoader.validate(copy);
    }
}
