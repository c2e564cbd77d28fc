package dev.flexfun.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the wire protocol (thread-safe once configured). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
