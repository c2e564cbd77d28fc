package dev.flexfun.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * How a call's JSON is read, the same in the server and in {@link CallContextBuilder}: numbers with a
 * fraction stay exact decimals ({@code 12.50} keeps its digits and scale), so a {@code BigDecimal}
 * parameter never passes through a {@code double}.
 */
public final class ParametersJson {
    /** Thread-safe; do not reconfigure. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private ParametersJson() {
    }
}
