package dev.flexfun.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential, read only from the environment or a file (a mounted Kubernetes/Docker secret), never
 * from the settings files, and never printed: {@link #toString()} hides it, so it cannot reach a log
 * line or an error message by accident.
 */
final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * The value of environment variable {@code envName} when set, else the content of {@code file}
     * (trimmed) when a file is named, else empty.
     *
     * @throws IllegalArgumentException when the named file cannot be read or is empty (the message
     *     names the file, never its content)
     */
    static Optional<Secret> fromEnvironmentOrFile(Map<String, String> environment, String envName, String file) {
        String fromEnvironment = environment.get(envName);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Secret(fromEnvironment.strip()));
        }
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new IllegalArgumentException("The secret file " + file + " is empty.");
            }
            return Optional.of(new Secret(content));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the secret file " + file + ": "
                    + e.getClass().getSimpleName() + ".", new UncheckedIOException(e));
        }
    }

    /** The secret itself: pass it straight to where it is used, never to a log or a message. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
