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
        String hidden = authHeaderName == null ? TokenAuthenticator.AUTHORIZATION
                : authHeaderName.toLowerCase(Locale.ROOT);
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String key : headers.keys()) {
            String name = key.toLowerCase(Locale.ROOT);
            if (name.equals(hidden) || name.equals(TokenAuthenticator.AUTHORIZATION) || name.endsWith("-bin")) {
                continue;
            }
            List<String> values = result.computeIfAbsent(name, k -> new ArrayList<>());
            headers.getAll(key).forEach(values::add);
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(result);
    }
}
