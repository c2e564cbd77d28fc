package dev.flexfun.server.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.flight.CallHeaders;

/** The call headers a function may see: names in lower case, without the authentication header. */
public final class FunctionHeaders {
    private FunctionHeaders() {
    }

    /**
     * The call's headers for {@code CallContext.headers()}, minus {@code authHeaderName} (the
     * token must never reach function code) and minus binary ({@code -bin}) headers.
     *
     * @param authHeaderName {@link TokenAuthenticator#headerName()}, or {@code null} when
     *     authentication is off (then {@code authorization} is still dropped: it is a credential)
     */
    public static Map<String, List<String>> of(CallHeaders headers, String authHeaderName) {
        return collect(headers, authHeaderName, false, headers::getAll);
    }

    /**
     * The call's binary ({@code -bin}) headers for {@code CallContext.binaryHeaders()}, as sent
     * (the reference gives them to functions as bytes), minus {@code authHeaderName}.
     */
    public static Map<String, List<byte[]>> binaryOf(CallHeaders headers, String authHeaderName) {
        return collect(headers, authHeaderName, true, headers::getAllByte);
    }

    private static <T> Map<String, List<T>> collect(CallHeaders headers, String authHeaderName, boolean binary,
            java.util.function.Function<String, Iterable<T>> valuesOf) {
        String hidden = authHeaderName == null ? TokenAuthenticator.AUTHORIZATION
                : authHeaderName.toLowerCase(Locale.ROOT);
        Map<String, List<T>> result = new LinkedHashMap<>();
        for (String key : headers.keys()) {
            String name = key.toLowerCase(Locale.ROOT);
            if (name.equals(hidden) || name.equals(TokenAuthenticator.AUTHORIZATION) || name.endsWith("-bin") != binary) {
                continue;
            }
            List<T> values = result.computeIfAbsent(name, k -> new ArrayList<>());
            valuesOf.apply(key).forEach(values::add);
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(result);
    }
}
