package dev.flexfun.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The two real execution-context payloads (copied from the shared samples into test resources). */
final class Samples {
    static final String REPORT = "report-execution-context.json";
    static final String LABEL_ELEMENTS = "label-elements-execution-context.json";

    private Samples() {
    }

    static String json(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource samples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
