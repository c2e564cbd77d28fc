package dev.flexfun.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.ParametersJson;

/**
 * The one JSON mapper of the wire protocol: the runtime's, so a command's parameters are read as
 * a function's unit test reads them (decimals exact).
 */
public final class Json {
    public static final ObjectMapper MAPPER = ParametersJson.MAPPER;

    private Json() {
    }
}
