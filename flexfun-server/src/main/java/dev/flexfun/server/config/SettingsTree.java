package dev.flexfun.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The merged settings tree (files in order, then env overrides) <em>before</em> validation. The
 * server validates it into {@link Settings}; tools read a few keys of it directly when the
 * configuration is meant for another machine, where the TLS files or the tokens of a full
 * validation are not present (e.g. printing the data-source payload).
 */
public final class SettingsTree {
    private static final TomlMapper TOML = new TomlMapper();

    private SettingsTree() {
    }

    /**
     * Merges the files and the env overrides exactly as the server does, without validating. A
     * folder stands for its {@code *.toml} files in name order (not its subfolders), so a deployment
     * can pass {@code config/} and add files without changing the command.
     */
    public static ObjectNode load(List<Path> files, Map<String, String> env) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        for (Path file : expandFolders(files)) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("Settings file " + file + " does not exist or is not a file.");
            }
            try {
                ObjectNode parsed = parse(Files.readString(file));
                SectionAliases.fold(parsed, "file " + file);
                merge(tree, parsed);
            } catch (IOException e) {
                throw new ConfigException("Settings file " + file + " is not valid TOML: " + e.getMessage(), e);
            }
        }
        EnvOverrides.apply(env, tree);
        return tree;
    }

    private static List<Path> expandFolders(List<Path> paths) {
        List<Path> files = new java.util.ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (var entries = Files.list(path)) {
                entries.filter(p -> p.getFileName().toString().endsWith(".toml") && Files.isRegularFile(p))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new ConfigException("Settings folder " + path + " cannot be read: " + e.getMessage(), e);
            }
        }
        return files;
    }

    static ObjectNode parse(String toml) throws IOException {
        JsonNode node = TOML.readTree(toml);
        return node instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    /** Deep merge: tables merge key by key, any other value of {@code overlay} replaces the base's. */
    private static void merge(ObjectNode base, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode baseChild && field.getValue() instanceof ObjectNode overlayChild) {
                merge(baseChild, overlayChild);
            } else {
                base.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
