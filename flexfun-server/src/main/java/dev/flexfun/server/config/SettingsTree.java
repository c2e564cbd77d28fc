package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The merged settings tree (files in order, then env overrides) <em>before</em> validation. For
 * tools that read a few keys of a configuration meant for another machine, where the TLS files or
 * the tokens of a full validation are not present (e.g. printing the data-source payload).
 */
public final class SettingsTree {
    private static final TomlMapper TOML = new TomlMapper();

    private SettingsTree() {
    }

    /** Merges the files and the env overrides exactly as the server does, without validating. */
    public static ObjectNode load(List<Path> files, Map<String, String> env) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("Settings file " + file + " does not exist or is not a file.");
            }
            try {
                JsonNode node = TOML.readTree(Files.readString(file));
                if (node instanceof ObjectNode object) {
                    SettingsLoader.merge(tree, object);
                }
            } catch (IOException e) {
                throw new ConfigException("Settings file " + file + " is not valid TOML: " + e.getMessage(), e);
            }
        }
        EnvOverrides.apply(env, tree);
        return tree;
    }
}
