package dev.flexfun.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a PEM setting: the PEM text itself, or {@code @/path/to/file} naming a file that holds it. */
public final class PemSource {
    private PemSource() {
    }

    /**
     * The PEM text of setting {@code settingName}.
     *
     * @throws TlsConfigException if the value is empty, the file cannot be read, or it holds no PEM
     */
    public static String read(String settingName, String value) {
        if (value == null || value.isBlank()) {
            throw new TlsConfigException(settingName + " is required: give the PEM text or @/path/to/file.pem.");
        }
        String pem;
        String origin;
        if (value.startsWith("@")) {
            Path path = Path.of(value.substring(1).strip());
            origin = "file " + path;
            try {
                pem = Files.readString(path, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                throw new TlsConfigException(settingName + ": file " + path + " does not exist.", e);
            } catch (IOException e) {
                throw new TlsConfigException(settingName + ": cannot read file " + path + ": " + e, e);
            }
        } else {
            origin = "the inline value";
            pem = value;
        }
        if (!pem.contains("-----BEGIN ")) {
            throw new TlsConfigException(settingName + ": " + origin + " is not PEM (no '-----BEGIN ' line). "
                    + "Give PEM text or @/path/to/file.pem.");
        }
        return pem;
    }
}
